package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/spreadsheet"
	"github.com/gongkai/gongkai/internal/store"
)

type auditPage struct {
	Page
	Scope   string // whose entries: an agency's name or 全平台
	Base    string // the page's path, for paging and export
	Entries []auditRow
	Next    int64
}

// auditRow is an entry with its before and after laid out field by field.
type auditRow struct {
	auditlog.Entry
	Fields []fieldChange
}

// fieldChange is one field of a changed object: what it was and became.
type fieldChange struct {
	Key, Before, After string
	Changed            bool
}

// fieldChanges compares the before and after JSON of an entry, field by
// field, in key order; a value that is not a JSON object shows whole.
func fieldChanges(before, after string) []fieldChange {
	b, a := jsonObject(before), jsonObject(after)
	if (before != "" && b == nil) || (after != "" && a == nil) {
		return []fieldChange{{Key: "—", Before: before, After: after, Changed: before != after}}
	}
	keys := map[string]bool{}
	for k := range b {
		keys[k] = true
	}
	for k := range a {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	out := make([]fieldChange, 0, len(sorted))
	for _, k := range sorted {
		bv, av := jsonText(b[k]), jsonText(a[k])
		out = append(out, fieldChange{Key: k, Before: bv, After: av, Changed: bv != av})
	}
	return out
}

func jsonObject(s string) map[string]json.RawMessage {
	if s == "" {
		return map[string]json.RawMessage{}
	}
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(s), &m) != nil {
		return nil
	}
	return m
}

// jsonText shows a JSON value plainly: strings without quotes.
func jsonText(v json.RawMessage) string {
	if v == nil {
		return ""
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	return string(v)
}

const auditPageSize = 50

// auditLog shows audit entries, newest first, a page at a time: the
// agency's on an agency route, every entry on the platform route.
func (s *Server) auditLog(w http.ResponseWriter, r *http.Request) error {
	f := store.AuditFilter{Limit: auditPageSize}
	f.BeforeSeq, _ = strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	scope, base := "全平台", "/office/platform/audit"
	if a := state(r).agency; a != nil {
		f.AgencyIDs, scope, base = []int64{a.ID}, a.Name, fmt.Sprintf("/office/a/%d/audit", a.ID)
	}
	es, err := s.db.AuditEntries(r.Context(), f)
	if err != nil {
		return err
	}
	p := &auditPage{Page: s.page(r, "操作日志"), Scope: scope, Base: base}
	for _, e := range es {
		p.Entries = append(p.Entries, auditRow{Entry: e, Fields: fieldChanges(e.Before, e.After)})
	}
	if len(es) == auditPageSize {
		p.Next = es[len(es)-1].Seq
	}
	s.render(w, r, http.StatusOK, "audit", p)
	return nil
}

// auditLogCSV exports the newest 10,000 audit entries of the agency (or of
// the platform), with the hashes, so an outside reviewer can check the chain
// of the entries they hold; the JSON API pages through more.
func (s *Server) auditLogCSV(w http.ResponseWriter, r *http.Request) error {
	f, name := store.AuditFilter{Limit: 10000}, "audit-platform.csv"
	if a := state(r).agency; a != nil {
		f.AgencyIDs, name = []int64{a.ID}, fmt.Sprintf("audit-%d.csv", a.ID)
	}
	es, err := s.db.AuditEntries(r.Context(), f)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	_, _ = w.Write([]byte("\ufeff")) // so spreadsheet programs read UTF-8
	cw := spreadsheet.NewCSV(w)
	_ = cw.Write("序号", "时间", "操作人ID", "操作人", "机关ID", "操作", "对象", "变化前", "变化后", "前一哈希", "哈希", "客户端地址")
	for _, e := range es {
		_ = cw.Write(strconv.FormatInt(e.Seq, 10), e.At.Format(time.RFC3339Nano), strconv.FormatInt(e.ActorID, 10),
			e.Actor, strconv.FormatInt(e.AgencyID, 10), string(e.Action), e.Object, e.Before, e.After, e.PrevHash, e.Hash, e.Client)
	}
	return cw.Flush()
}
