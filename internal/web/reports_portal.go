package web

import (
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report/annual"
	"github.com/gongkai/gongkai/internal/report/render"
)

type portalReportsPage struct {
	Page
	Subject *agency.Agency
	Years   []annual.PublishedYear
}

// portalReports lists an agency's published annual reports.
func (s *Server) portalReports(w http.ResponseWriter, r *http.Request) error {
	a, err := s.pathAgency(r)
	if err != nil {
		return err
	}
	years, err := s.db.PublishedYears(r.Context(), a.ID)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "portal_reports", &portalReportsPage{Page: s.page(r, a.Name+"政府信息公开工作年度报告"), Subject: a, Years: years})
	return nil
}

type portalReportPage struct {
	Page
	Subject  *agency.Agency
	Year     int
	Version  annual.Version
	Versions []annual.Version
	Formats  []string
	Report   template.HTML
}

// publishedVersion finds the published version of the path's agency and
// year asked for by ?version= (the latest by default), with every version.
func (s *Server) publishedVersion(r *http.Request) (*agency.Agency, int, *annual.Version, []annual.Version, error) {
	a, err := s.pathAgency(r)
	if err != nil {
		return nil, 0, nil, nil, err
	}
	year, err := pathYear(r)
	if err != nil {
		return nil, 0, nil, nil, err
	}
	vs, err := s.db.AnnualReportVersions(r.Context(), a.ID, year)
	if err != nil {
		return nil, 0, nil, nil, err
	}
	if len(vs) == 0 {
		return nil, 0, nil, nil, errs.NotFound("%s尚未公开%d年度报告", a.Name, year)
	}
	want := vs[0].Version
	if q := r.URL.Query().Get("version"); q != "" {
		if want, err = strconv.Atoi(q); err != nil {
			return nil, 0, nil, nil, errs.NotFound("没有这一版本")
		}
	}
	for i := range vs {
		if vs[i].Version == want {
			return a, year, &vs[i], vs, nil
		}
	}
	return nil, 0, nil, nil, errs.NotFound("没有这一版本")
}

// portalReport shows one published report (a frozen version) as HTML in
// the site, with its downloads and the history of its versions.
func (s *Server) portalReport(w http.ResponseWriter, r *http.Request) error {
	a, year, v, vs, err := s.publishedVersion(r)
	if err != nil {
		return err
	}
	built := annual.FromVersion(v)
	p := &portalReportPage{Page: s.page(r, built.Document.Title()), Subject: a, Year: year, Version: *v, Versions: vs, Formats: render.Formats}
	if p.Report, err = reportHTML(built.Document); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "portal_report", p)
	return nil
}

// portalReportFile downloads a published version in one of render.Formats.
func (s *Server) portalReportFile(w http.ResponseWriter, r *http.Request) error {
	a, year, v, _, err := s.publishedVersion(r)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("%s%d年政府信息公开工作年度报告", a.Name, year)
	if v.Version > 1 {
		name += fmt.Sprintf("（第%d版）", v.Version)
	}
	return reportFile(w, annual.FromVersion(v).Document, r.PathValue("format"), name)
}

// reportCSS serves the style sheet of the report fragments, so the pages
// that embed them need no inline style (the CSP forbids it).
func (s *Server) reportCSS(w http.ResponseWriter, _ *http.Request) error {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, err := w.Write([]byte(render.CSS()))
	return err
}

// apiReport returns a published report as the canonical JSON model of
// docs/report-model.md: the latest version, or ?version=N.
func (s *Server) apiReport(w http.ResponseWriter, r *http.Request) error {
	_, _, v, _, err := s.publishedVersion(r)
	if err != nil {
		return err
	}
	w.Header().Set("X-Report-Version", strconv.Itoa(v.Version))
	writeJSON(w, http.StatusOK, annual.FromVersion(v).Document.Report)
	return nil
}
