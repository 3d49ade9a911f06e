package web

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/store"
)

type auditPage struct {
	Page
	Entries []auditlog.Entry
	Next    int64
}

const auditPageSize = 50

// auditLog shows the agency's audit entries, newest first, a page at a time.
func (s *Server) auditLog(w http.ResponseWriter, r *http.Request) error {
	a := state(r).agency
	before, _ := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	es, err := s.db.AuditEntries(r.Context(), store.AuditFilter{AgencyIDs: []int64{a.ID}, BeforeSeq: before, Limit: auditPageSize})
	if err != nil {
		return err
	}
	p := &auditPage{Page: s.page(r, "操作日志"), Entries: es}
	if len(es) == auditPageSize {
		p.Next = es[len(es)-1].Seq
	}
	s.render(w, r, http.StatusOK, "audit", p)
	return nil
}

// auditLogCSV exports the agency's whole audit log, with the hashes, so an
// outside reviewer can check the chain of the entries they hold.
func (s *Server) auditLogCSV(w http.ResponseWriter, r *http.Request) error {
	a := state(r).agency
	es, err := s.db.AuditEntries(r.Context(), store.AuditFilter{AgencyIDs: []int64{a.ID}, Limit: 10000})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="audit-%d.csv"`, a.ID))
	_, _ = w.Write([]byte("\ufeff")) // so spreadsheet programs read UTF-8
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"序号", "时间", "操作人ID", "操作人", "机关ID", "操作", "对象", "变化前", "变化后", "前一哈希", "哈希"})
	for _, e := range es {
		_ = cw.Write([]string{strconv.FormatInt(e.Seq, 10), e.At.Format(time.RFC3339Nano), strconv.FormatInt(e.ActorID, 10),
			csvSafe(e.Actor), strconv.FormatInt(e.AgencyID, 10), e.Action, csvSafe(e.Object), csvSafe(e.Before), csvSafe(e.After), e.PrevHash, e.Hash})
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe defuses cells that a spreadsheet would run as a formula.
func csvSafe(v string) string {
	if v != "" && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@') {
		return "'" + v
	}
	return v
}
