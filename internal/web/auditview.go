package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/spreadsheet"
	"github.com/gongkai/gongkai/internal/store"
)

type auditPage struct {
	Page
	Scope   string // whose entries: an agency's name or 全平台
	Base    string // the page's path, for paging and export
	Query   auditQuery
	People  []auth.User // whom the person filter offers
	Actions []auditlog.ActionInfo
	Entries []auditRow
	// Next is the query of the next, older page; "" on the last. It is
	// url.Values.Encode's output, so the template need not escape it again.
	Next template.URL
}

// auditRow is an entry told as a sentence, with the fields it changed.
type auditRow struct {
	auditlog.Entry
	Sentence string
	Fields   []auditlog.FieldChange
}

// auditQuery is the filter form of the log page and its export: a person,
// an action, an object's text and a range of days, in China time.
type auditQuery struct {
	ActorID  int64
	Action   string
	Object   string
	From, To string // YYYY-MM-DD, either empty
}

// parseAuditQuery reads the filter from the query string into a store filter.
func parseAuditQuery(q url.Values) (auditQuery, store.AuditFilter, error) {
	aq := auditQuery{Action: q.Get("action"), Object: strings.TrimSpace(q.Get("object")),
		From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to"))}
	aq.ActorID, _ = strconv.ParseInt(q.Get("actor"), 10, 64)
	f := store.AuditFilter{ActorID: aq.ActorID, Action: auditlog.Action(aq.Action), Object: aq.Object}
	day := func(s, what string) (time.Time, error) {
		if s == "" {
			return time.Time{}, nil
		}
		d, err := calendar.ParseDate(s)
		if err != nil {
			return time.Time{}, errs.Invalid("%s应写作 2026-12-04", what)
		}
		return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, chinaTime), nil
	}
	var err error
	if f.From, err = day(aq.From, "起始日期"); err != nil {
		return aq, f, err
	}
	if f.To, err = day(aq.To, "截止日期"); err != nil {
		return aq, f, err
	}
	if !f.To.IsZero() {
		f.To = f.To.AddDate(0, 0, 1) // through the end of that day
	}
	return aq, f, nil
}

// values writes the filter back as a query string, for paging and export.
func (q auditQuery) values() url.Values {
	v := url.Values{}
	for k, s := range map[string]string{"action": q.Action, "object": q.Object, "from": q.From, "to": q.To} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if q.ActorID != 0 {
		v.Set("actor", strconv.FormatInt(q.ActorID, 10))
	}
	return v
}

// Encoded is the filter as a query string, "" when nothing is filtered;
// url.Values.Encode escapes it already.
func (q auditQuery) Encoded() template.URL { return template.URL(q.values().Encode()) }

// auditScope is whose entries a route shows: the agency's, or all.
func auditScope(r *http.Request, f *store.AuditFilter) (scope, base string) {
	if a := state(r).agency; a != nil {
		f.AgencyIDs = []int64{a.ID}
		return a.Name, fmt.Sprintf("/office/a/%d/audit", a.ID)
	}
	return "全平台", "/office/platform/audit"
}

// describe tells each entry as a sentence, with names looked up once for
// the whole page.
func (s *Server) describe(r *http.Request, es []auditlog.Entry) ([]auditRow, error) {
	names, err := s.db.AuditNames(r.Context(), auditlog.Want(es))
	if err != nil {
		return nil, err
	}
	rows := make([]auditRow, len(es))
	for i, e := range es {
		rows[i] = auditRow{Entry: e, Sentence: names.Sentence(e), Fields: auditlog.Diff(e.Before, e.After)}
	}
	return rows, nil
}

const auditPageSize = 50

// auditLog shows audit entries, newest first, a page at a time, filtered
// by the query: the agency's on an agency route, every entry on the
// platform route.
func (s *Server) auditLog(w http.ResponseWriter, r *http.Request) error {
	q, f, err := parseAuditQuery(r.URL.Query())
	if err != nil {
		return err
	}
	f.Limit = auditPageSize
	f.BeforeSeq, _ = strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	scope, base := auditScope(r, &f)
	es, err := s.db.AuditEntries(r.Context(), f)
	if err != nil {
		return err
	}
	people, err := s.db.Users(r.Context(), f.AgencyIDs)
	if err != nil {
		return err
	}
	p := &auditPage{Page: s.page(r, "操作日志"), Scope: scope, Base: base, Query: q, People: people, Actions: auditlog.Actions}
	if p.Entries, err = s.describe(r, es); err != nil {
		return err
	}
	if len(es) == auditPageSize {
		next := q.values()
		next.Set("before", strconv.FormatInt(es[len(es)-1].Seq, 10))
		p.Next = template.URL(next.Encode())
	}
	s.render(w, r, http.StatusOK, "audit", p)
	return nil
}

// auditLogCSV exports the newest 10,000 audit entries of the agency (or of
// the platform) that the page's filter selects, with the hashes, so an
// outside reviewer can check the chain of the entries they hold, and each
// entry's sentence under 说明; the JSON API pages through more.
func (s *Server) auditLogCSV(w http.ResponseWriter, r *http.Request) error {
	_, f, err := parseAuditQuery(r.URL.Query())
	if err != nil {
		return err
	}
	f.Limit = 10000
	name := "audit-platform.csv"
	if a := state(r).agency; a != nil {
		name = fmt.Sprintf("audit-%d.csv", a.ID)
	}
	auditScope(r, &f)
	es, err := s.db.AuditEntries(r.Context(), f)
	if err != nil {
		return err
	}
	rows, err := s.describe(r, es)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	_, _ = w.Write([]byte("\ufeff")) // so spreadsheet programs read UTF-8
	cw := spreadsheet.NewCSV(w)
	_ = cw.Write("序号", "时间", "操作人ID", "操作人", "机关ID", "操作", "对象", "说明", "变化前", "变化后", "前一哈希", "哈希", "客户端地址")
	for _, e := range rows {
		_ = cw.Write(strconv.FormatInt(e.Seq, 10), e.At.Format(time.RFC3339Nano), strconv.FormatInt(e.ActorID, 10),
			e.Actor, strconv.FormatInt(e.AgencyID, 10), string(e.Action), e.Object, e.Sentence, e.Before, e.After,
			e.PrevHash, e.Hash, e.Client)
	}
	return cw.Flush()
}
