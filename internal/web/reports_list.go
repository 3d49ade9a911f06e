package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report/annual"
)

type reportsPage struct {
	Page
	Year     int // the year whose report is due now
	Reports  []reportRow
	Reminder string
	Create   bool // may create a report
	// Below are the agencies below this one, for a supervisor.
	Below []supervisedRow
	Error string
}

type reportRow struct {
	Record annual.Record
	Latest int // newest published version, 0 for none
}

// supervisedRow is where one agency below stands with its report on Year.
type supervisedRow struct {
	Agency    agency.Agency
	Status    string
	Published bool
	Due       annual.Due
	Errors    int
}

// reportList lists the agency's reports with the reminder of the one due,
// and for a supervisor the agencies below: who has submitted, who is late
// and whose report fails a check.
func (s *Server) reportList(w http.ResponseWriter, r *http.Request) error {
	return s.renderReportList(w, r, http.StatusOK, "")
}

func (s *Server) renderReportList(w http.ResponseWriter, r *http.Request, status int, msg string) error {
	ctx, st := r.Context(), state(r)
	p := &reportsPage{Page: s.reportPage(r, "政府信息公开工作年度报告"), Year: s.reportingYear(),
		Create: st.p.Can(auth.Approve, st.agency.ID), Error: msg}
	recs, err := s.db.AnnualReports(ctx, st.agency.ID)
	if err != nil {
		return err
	}
	due, err := s.dueOf(r, st.agency, p.Year)
	if err != nil {
		return err
	}
	p.Reminder = due.Message(p.Year)
	vs, err := s.db.PublishedYears(ctx, st.agency.ID)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		row := reportRow{Record: rec}
		for _, v := range vs {
			if v.Year == rec.Year {
				row.Latest = v.Latest
			}
		}
		p.Reports = append(p.Reports, row)
	}
	all, err := s.db.Agencies(ctx)
	if err != nil {
		return err
	}
	for _, c := range children(all, st.agency.ID) {
		if !st.p.Can(auth.ViewOffice, c.ID) {
			continue
		}
		row, err := s.supervised(r, c, p.Year)
		if err != nil {
			return err
		}
		p.Below = append(p.Below, row)
	}
	s.render(w, r, status, "reports", p)
	return nil
}

// dueOf returns where the agency stands against the deadline of year.
func (s *Server) dueOf(r *http.Request, a *agency.Agency, year int) (annual.Due, error) {
	years, err := s.db.PublishedYears(r.Context(), a.ID)
	if err != nil {
		return annual.Due{}, err
	}
	var first annual.PublishedYear
	for _, y := range years {
		if y.Year == year {
			first = y
		}
	}
	return annual.DueFor(a, year, first.First, s.cfg.Now()), nil
}

func (s *Server) supervised(r *http.Request, a agency.Agency, year int) (supervisedRow, error) {
	row := supervisedRow{Agency: a, Status: "未创建"}
	due, err := s.dueOf(r, &a, year)
	if err != nil {
		return row, err
	}
	row.Due = due
	rec, built, err := s.builder().Draft(r.Context(), &a, year)
	if err != nil {
		return row, err
	}
	if rec.ID != 0 {
		row.Status = rec.Status.Label()
	}
	row.Published = rec.Status == annual.Published
	row.Errors = len(built.Errors())
	return row, nil
}

// reportCreate creates the agency's report on a year, pre-filled from last year's.
func (s *Server) reportCreate(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	year, err := strconv.Atoi(r.PostForm.Get("year"))
	if err != nil || year < 2008 || year > s.reportingYear()+1 {
		return s.renderReportList(w, r, http.StatusBadRequest, "请填写有效的报告年度，例如 "+strconv.Itoa(s.reportingYear()))
	}
	prev, err := s.db.AnnualReport(r.Context(), st.agency.ID, year-1)
	if err != nil && !errors.Is(err, errs.ErrNotFound) {
		return err
	}
	rec := annual.New(st.agency.ID, year, prev)
	if err := s.db.CreateAnnualReport(r.Context(), rec, s.change(r, "report.create")); err != nil {
		if errors.Is(err, errs.ErrConflict) || errors.Is(err, errs.ErrInvalid) {
			return s.renderReportList(w, r, http.StatusConflict, errs.Message(err))
		}
		return err
	}
	http.Redirect(w, r, reportURL(st.agency.ID, year, "?ok=created"), http.StatusSeeOther)
	return nil
}

func reportURL(agencyID int64, year int, suffix string) string {
	return "/office/a/" + strconv.FormatInt(agencyID, 10) + "/reports/" + strconv.Itoa(year) + suffix
}
