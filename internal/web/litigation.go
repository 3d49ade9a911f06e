package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/litigation"
)

type litigationPage struct {
	Page
	Year int
	// Kind filters the list to one group of part 四, from a drill-down.
	Kind    litigation.Kind
	Records []litigation.Record
	// Detail shows one record instead of the list.
	Detail bool
	// Form is the record being created or edited.
	Form    litigation.Record
	Edit    bool // may create and edit
	Error   string
	Kinds   []litigation.Kind
	Results []litigation.Result
	Stages  []string
}

func (s *Server) newLitigationPage(r *http.Request, title string) *litigationPage {
	st := state(r)
	return &litigationPage{Page: s.page(r, title), Edit: st.p.Can(auth.HandleCases, st.agency.ID),
		Kinds: litigation.Kinds, Results: litigation.Results, Stages: litigation.Stages,
		Form: litigation.Record{Kind: litigation.Review, Result: litigation.Pending, Stage: litigation.Stages[0]}}
}

// litigationList lists the agency's reviews and lawsuits, of one filing
// year when ?year= is given, with the form for a new one.
func (s *Server) litigationList(w http.ResponseWriter, r *http.Request) error {
	return s.renderLitigationList(w, r, http.StatusOK, nil, "")
}

func (s *Server) renderLitigationList(w http.ResponseWriter, r *http.Request, status int, form *litigation.Record, msg string) error {
	p := s.newLitigationPage(r, "行政复议和行政诉讼")
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y > 2000 && y < 9999 {
		p.Year = y
	}
	recs, err := s.db.LitigationList(r.Context(), state(r).agency.ID, p.Year)
	if err != nil {
		return err
	}
	p.Kind, p.Error = litigation.Kind(r.URL.Query().Get("kind")), msg
	for _, rec := range recs {
		if p.Kind == "" || rec.Kind == p.Kind {
			p.Records = append(p.Records, rec)
		}
	}
	if form != nil {
		p.Form = *form
	}
	s.render(w, r, status, "litigation", p)
	return nil
}

// litigationCreate stores a new review or lawsuit.
func (s *Server) litigationCreate(w http.ResponseWriter, r *http.Request) error {
	rec, err := litigationForm(r)
	if err == nil {
		err = s.checkLinkedCase(r, rec)
	}
	if err == nil {
		err = s.db.CreateLitigation(r.Context(), rec, s.change(r, "litigation.create"))
	}
	if err != nil {
		return s.litigationError(w, r, rec, err, func(status int, msg string) error {
			return s.renderLitigationList(w, r, status, rec, msg)
		})
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/litigation?ok=created", rec.AgencyID), http.StatusSeeOther)
	return nil
}

// litigationShow shows one record, editable by case officers.
func (s *Server) litigationShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "record")
	if err != nil {
		return err
	}
	rec, err := s.db.LitigationRecord(r.Context(), state(r).agency.ID, id)
	if err != nil {
		return err
	}
	return s.renderLitigationRecord(w, r, http.StatusOK, rec, "")
}

func (s *Server) renderLitigationRecord(w http.ResponseWriter, r *http.Request, status int, rec *litigation.Record, msg string) error {
	p := s.newLitigationPage(r, "复议诉讼记录")
	p.Form, p.Error, p.Detail = *rec, msg, true
	s.render(w, r, status, "litigation", p)
	return nil
}

// litigationUpdate saves a record: its stage, result, dates and documents.
func (s *Server) litigationUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "record")
	if err != nil {
		return err
	}
	if _, err := s.db.LitigationRecord(r.Context(), state(r).agency.ID, id); err != nil {
		return err
	}
	rec, err := litigationForm(r)
	if err == nil {
		err = s.checkLinkedCase(r, rec)
	}
	if err == nil {
		rec.ID = id
		err = s.db.UpdateLitigation(r.Context(), rec, s.change(r, "litigation.update"))
	}
	if err != nil {
		rec.ID = id
		return s.litigationError(w, r, rec, err, func(status int, msg string) error {
			return s.renderLitigationRecord(w, r, status, rec, msg)
		})
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/litigation/%d?ok=saved", rec.AgencyID, id), http.StatusSeeOther)
	return nil
}

// litigationError shows a correctable error with the form, and passes
// anything else on.
func (s *Server) litigationError(w http.ResponseWriter, r *http.Request, rec *litigation.Record, err error, show func(int, string) error) error {
	status, _, msg := classify(err)
	if status >= 500 || status == http.StatusForbidden || status == http.StatusNotFound || rec == nil {
		return err
	}
	return show(status, msg)
}

// litigationForm reads a record from the posted form.
func litigationForm(r *http.Request) (*litigation.Record, error) {
	f := r.PostForm
	rec := &litigation.Record{AgencyID: state(r).agency.ID, Kind: litigation.Kind(f.Get("kind")), Body: f.Get("body"),
		Applicant: f.Get("applicant"), Stage: f.Get("stage"), Result: litigation.Result(f.Get("result")),
		Documents: f.Get("documents"), Note: f.Get("note")}
	var err error
	if rec.Filed, err = formDate(f.Get("filed"), "申请或起诉日期"); err != nil {
		return rec, err
	}
	if rec.Decided, err = formDate(f.Get("decided"), "决定或判决日期"); err != nil {
		return rec, err
	}
	if c := strings.TrimSpace(f.Get("case_id")); c != "" {
		if rec.CaseID, err = strconv.ParseInt(c, 10, 64); err != nil || rec.CaseID <= 0 {
			return rec, errs.Invalid("关联的申请编号应为正整数")
		}
	}
	return rec, nil
}

// checkLinkedCase refuses a link to an application that does not exist or
// belongs to another agency.
func (s *Server) checkLinkedCase(r *http.Request, rec *litigation.Record) error {
	if rec.CaseID == 0 {
		return nil
	}
	c, err := s.db.Case(r.Context(), rec.CaseID)
	if errors.Is(err, errs.ErrNotFound) || err == nil && c.AgencyID != rec.AgencyID {
		return errs.Invalid("本机关没有编号为 %d 的政府信息公开申请", rec.CaseID)
	}
	return err
}

// formDate reads an optional YYYY-MM-DD date field.
func formDate(v, label string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return time.Time{}, errs.Invalid("%s应为 年-月-日，例如 2021-03-01", label)
	}
	return t, nil
}
