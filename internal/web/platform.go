package web

import (
	"net/http"
	"strconv"

	"github.com/gongkai/gongkai/internal/agency"
)

type platformAgenciesPage struct {
	Page
	All   []agency.Agency
	Error string
}

// ParentName returns the name of the agency with the given id, or "—".
func (p *platformAgenciesPage) ParentName(id int64) string {
	for _, a := range p.All {
		if a.ID == id {
			return a.Name
		}
	}
	return "—"
}

func (s *Server) platformAgencies(w http.ResponseWriter, r *http.Request) error {
	return s.renderPlatformAgencies(w, r, http.StatusOK, "")
}

func (s *Server) renderPlatformAgencies(w http.ResponseWriter, r *http.Request, status int, msg string) error {
	all, err := s.db.Agencies(r.Context())
	if err != nil {
		return err
	}
	s.render(w, r, status, "platform_agencies", &platformAgenciesPage{Page: s.page(r, "平台管理：机关"), All: all, Error: msg})
	return nil
}

// platformAgencyCreate adds an agency to the platform.
func (s *Server) platformAgencyCreate(w http.ResponseWriter, r *http.Request) error {
	f := r.PostForm
	parent, err := strconv.ParseInt(f.Get("parent_id"), 10, 64)
	if err != nil || parent < 0 {
		return s.renderPlatformAgencies(w, r, http.StatusBadRequest, "请选择上级机关")
	}
	a := &agency.Agency{Name: f.Get("name"), Code: f.Get("code"), Kind: agency.Kind(f.Get("kind")), ParentID: parent}
	if err := s.db.CreateAgency(r.Context(), a, s.change(r, "agency.create")); err != nil {
		status, _, msg := classify(err)
		if status >= 500 {
			return err
		}
		return s.renderPlatformAgencies(w, r, status, msg)
	}
	http.Redirect(w, r, "/office/platform/agencies?ok=created", http.StatusSeeOther)
	return nil
}
