package web

import (
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report"
	"github.com/gongkai/gongkai/internal/report/annual"
	"github.com/gongkai/gongkai/internal/report/render"
)

type reportEditPage struct {
	Page
	Year   int
	Record *annual.Record
	Stored bool // the record exists; else only a preview
	Built  *annual.Built
	// Edit: may change figures and prose; SignOff: is the agency's approver.
	Edit, SignOff bool
	Entered       []enteredRow
	Findings      []findingView
	Overview      []headText
	Sources       []sourceLink
	Versions      []annual.Version
	Reminder      string
	Formats       []string
	Preview       template.HTML
	// Glyphs are characters the PDF's embedded font cannot draw.
	Glyphs string
	Error  string
}

type enteredRow struct {
	Key, Label, Note string
	Cells            []enteredCell
}

type enteredCell struct {
	Key, Label, Name, Value string
	Decimal, Signed         bool
	Flagged                 bool // a finding concerns this cell
}

type findingView struct {
	report.Finding
	Cell             string // the cell in words
	Expected, Actual string
	Error            bool
	Link             string // drill-down to the figure
}

type headText struct {
	Index      int
	Head, Text string
}

type sourceLink struct {
	Label, Origin, Link string
}

// reportEdit shows the editor of the agency's report on a year: the entered
// figures and prose, the findings of every check with the cell, both
// numbers and the explanation, and a preview of the report.
func (s *Server) reportEdit(w http.ResponseWriter, r *http.Request) error {
	year, err := pathYear(r)
	if err != nil {
		return err
	}
	st := state(r)
	rec, built, err := s.builder().Draft(r.Context(), st.agency, year)
	if err != nil {
		return err
	}
	return s.renderReportEdit(w, r, http.StatusOK, rec, built, "")
}

func (s *Server) renderReportEdit(w http.ResponseWriter, r *http.Request, status int, rec *annual.Record, built *annual.Built, msg string) error {
	ctx, st := r.Context(), state(r)
	p := &reportEditPage{Page: s.reportPage(r, fmt.Sprintf("%d年度报告", rec.Year)), Year: rec.Year, Record: rec,
		Stored: rec.ID != 0, Built: built, Edit: rec.ID != 0 && st.p.Can(auth.Approve, st.agency.ID),
		SignOff: isApprover(st.p, st.agency.ID), Formats: render.Formats, Error: msg}
	var err error
	if p.Versions, err = s.db.AnnualReportVersions(ctx, st.agency.ID, rec.Year); err != nil {
		return err
	}
	due, err := s.dueOf(r, st.agency, rec.Year)
	if err != nil {
		return err
	}
	p.Reminder = due.Message(rec.Year)
	flagged := map[string]bool{}
	for _, f := range built.Findings {
		flagged[report.Key(f.Part, f.Row, f.Column)] = true
		p.Findings = append(p.Findings, s.findingView(st.agency.ID, rec.Year, rec.Format, f))
	}
	for _, row := range annual.EnteredRows(rec.Format) {
		er := enteredRow{Key: row.Key, Label: row.Label, Note: rec.Entered.Notes[row.Key]}
		for _, c := range row.Columns {
			er.Cells = append(er.Cells, enteredCell{Key: c.Key, Label: c.Label, Name: "fig." + row.Key + "." + c.Key,
				Value: strconv.FormatFloat(rec.Entered.Figures[row.Key][c.Key], 'f', -1, 64), Decimal: c.Decimal, Signed: c.Signed,
				Flagged: flagged[report.Key("二", row.Key, c.Key)]})
		}
		p.Entered = append(p.Entered, er)
	}
	for i, h := range annual.OverviewHeads {
		ht := headText{Index: i, Head: h}
		if i < len(rec.Prose.Overview) {
			ht.Text = rec.Prose.Overview[i]
		}
		p.Overview = append(p.Overview, ht)
	}
	p.Sources = sourceLinks(st.agency.ID, rec)
	if p.Preview, err = reportHTML(built.Document); err != nil {
		return err
	}
	missing, err := render.MissingGlyphs(built.Document)
	if err != nil {
		return err
	}
	p.Glyphs = string(missing)
	s.render(w, r, status, "report_edit", p)
	return nil
}

// findingView explains a finding for the editor.
func (s *Server) findingView(agencyID int64, year int, format report.Format, f report.Finding) findingView {
	v := findingView{Finding: f, Error: f.Severity == report.SeverityError, Cell: cellLabel(f, format)}
	if f.Expected != nil {
		v.Expected = strconv.FormatFloat(*f.Expected, 'f', -1, 64)
	}
	if f.Actual != nil {
		v.Actual = strconv.FormatFloat(*f.Actual, 'f', -1, 64)
	}
	if f.Part != "" && f.Row != "" {
		key := report.Key(f.Part, f.Row, "")
		if f.Part == "二" {
			key = report.Key(f.Part, f.Row, f.Column)
		}
		v.Link = reportURL(agencyID, year, "/cells/"+key)
	}
	return v
}

// cellLabel names the cell of a finding in words: part, row and column,
// with the labels of the official table.
func cellLabel(f report.Finding, format report.Format) string {
	row, col := f.Row, f.Column
	l, _ := report.LayoutOf(format)
	switch f.Part {
	case "二":
		for _, r := range l.Proactive {
			if r.Key == f.Row {
				row = r.Label
				for _, c := range r.Columns {
					if c.Key == f.Column {
						col = c.Label
					}
				}
			}
		}
	case "三":
		for _, r := range l.Applications {
			if r.Key == f.Row {
				row = r.Label
			}
		}
		col = columnLabel(report.ApplicantColumns[:], f.Column)
	case "四":
		row, col = columnLabel(report.ReviewGroups, f.Row), columnLabel(report.ReviewColumns, f.Column)
	}
	s := "第" + f.Part + "部分"
	for _, part := range []string{row, col} {
		if part != "" {
			s += " · " + part
		}
	}
	return s
}

func columnLabel(cols []report.Column, key string) string {
	for _, c := range cols {
		if c.Key == key {
			return c.Label
		}
	}
	return key
}

// sourceLinks lists where the figures come from, each with its drill-down.
func sourceLinks(agencyID int64, rec *annual.Record) []sourceLink {
	l, _ := report.LayoutOf(rec.Format)
	var out []sourceLink
	for _, row := range l.Proactive {
		if report.CatalogRows[row.Key] {
			out = append(out, sourceLink{Label: "第二部分 " + row.Label, Origin: "信息目录",
				Link: reportURL(agencyID, rec.Year, "/cells/"+report.Key("二", row.Key, row.Columns[0].Key))})
		}
	}
	for _, row := range l.Applications {
		out = append(out, sourceLink{Label: "第三部分 " + row.Label, Origin: "依申请公开案件",
			Link: reportURL(agencyID, rec.Year, "/cells/"+report.Key("三", row.Key, ""))})
	}
	for _, g := range report.ReviewGroups {
		out = append(out, sourceLink{Label: "第四部分 " + g.Label, Origin: "行政复议和行政诉讼记录",
			Link: reportURL(agencyID, rec.Year, "/cells/"+report.Key("四", g.Key, ""))})
	}
	return out
}

// reportSave saves the entered figures, their sources and the prose, then
// shows the editor again with the checks run on the saved state.
func (s *Server) reportSave(w http.ResponseWriter, r *http.Request) error {
	year, err := pathYear(r)
	if err != nil {
		return err
	}
	st := state(r)
	rec, err := s.db.AnnualReport(r.Context(), st.agency.ID, year)
	if err != nil {
		return err
	}
	f := r.PostForm
	if f.Get("form") != "report" {
		return errs.Invalid("表单不完整，请在报告编辑页面提交")
	}
	formErr := applyReportForm(rec, f)
	if formErr == nil {
		formErr = s.db.SaveAnnualReport(r.Context(), rec, s.change(r, "report.save"))
	}
	if formErr != nil {
		status, _, msg := classify(formErr)
		if status >= 500 {
			return formErr
		}
		_, built, err := s.builder().Draft(r.Context(), st.agency, year)
		if err != nil {
			return err
		}
		return s.renderReportEdit(w, r, status, rec, built, msg)
	}
	http.Redirect(w, r, reportURL(st.agency.ID, year, "?ok=saved#checks"), http.StatusSeeOther)
	return nil
}

// applyReportForm copies the posted figures, notes and prose into rec.
func applyReportForm(rec *annual.Record, f map[string][]string) error {
	get := func(k string) string {
		if v := f[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	for _, row := range annual.EnteredRows(rec.Format) {
		for _, c := range row.Columns {
			if err := rec.SetFigure(row.Key, c.Key, get("fig."+row.Key+"."+c.Key)); err != nil {
				return errs.Invalid("「%s」的「%s」：%s", row.Label, c.Label, errs.Message(err))
			}
		}
		rec.Entered.Notes[row.Key] = get("note." + row.Key)
	}
	rec.Prose.Overview = make([]string, len(annual.OverviewHeads))
	for i := range annual.OverviewHeads {
		rec.Prose.Overview[i] = get("overview." + strconv.Itoa(i))
	}
	rec.Prose.Problems, rec.Prose.Other = get("problems"), get("other")
	return rec.Validate()
}
