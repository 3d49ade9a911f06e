package web

import (
	"fmt"
	"html/template"
	"net/http"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/report/annual"
	"github.com/gongkai/gongkai/internal/report/render"
)

type reportCombinedPage struct {
	Page
	Year        int
	Departments []agency.Agency
	Preview     template.HTML
	Formats     []string
}

// combined builds the combined report of the departments below the agency.
func (s *Server) combined(r *http.Request) (*annual.Built, []agency.Agency, int, error) {
	year, err := pathYear(r)
	if err != nil {
		return nil, nil, 0, err
	}
	ctx, st := r.Context(), state(r)
	all, err := s.db.Agencies(ctx)
	if err != nil {
		return nil, nil, 0, err
	}
	deps := children(all, st.agency.ID)
	built, err := s.builder().Combined(ctx, st.agency, deps, year)
	return built, deps, year, err
}

// reportCombined shows the combined report of the whole government: the
// sum of its departments' reports, in the same format.
func (s *Server) reportCombined(w http.ResponseWriter, r *http.Request) error {
	built, deps, year, err := s.combined(r)
	if err != nil {
		return err
	}
	p := &reportCombinedPage{Page: s.page(r, fmt.Sprintf("%d年度汇总报告", year)), Year: year, Departments: deps, Formats: render.Formats}
	if p.Preview, err = reportHTML(built.Document); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "report_combined", p)
	return nil
}

// reportCombinedFile sends the combined report in one of render.Formats.
func (s *Server) reportCombinedFile(w http.ResponseWriter, r *http.Request) error {
	built, _, year, err := s.combined(r)
	if err != nil {
		return err
	}
	return reportFile(w, built.Document, r.PathValue("format"), fmt.Sprintf("%s%d年度汇总报告", state(r).agency.Name, year))
}
