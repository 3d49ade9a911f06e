package web

import (
	"fmt"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
)

// officeHome sends a user with one agency straight there, else lists them.
func (s *Server) officeHome(w http.ResponseWriter, r *http.Request) error {
	p := s.page(r, "工作台")
	if len(p.Agencies) == 1 && !p.Platform {
		http.Redirect(w, r, fmt.Sprintf("/office/a/%d", p.Agencies[0].ID), http.StatusSeeOther)
		return nil
	}
	s.render(w, r, http.StatusOK, "office_home", &p)
	return nil
}

// officeSwitch is the target of the agency switcher.
func (s *Server) officeSwitch(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.URL.Query().Get("agency"), 10, 64)
	if err != nil || id <= 0 {
		return errs.Invalid("请选择机关")
	}
	if !state(r).p.Can(auth.ViewOffice, id) {
		return errDeny
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d", id), http.StatusSeeOther)
	return nil
}

type agencyHomePage struct {
	Page
	Roles    []auth.Role
	Children []agency.Agency
	// ReportReminder warns of the annual report's legal deadline.
	ReportReminder string
}

func (s *Server) agencyHome(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	all, err := s.db.Agencies(r.Context())
	if err != nil {
		return err
	}
	p := &agencyHomePage{Page: s.page(r, st.agency.Name)}
	due, err := s.dueOf(r, st.agency, s.reportingYear())
	if err != nil {
		return err
	}
	p.ReportReminder = due.Message(s.reportingYear())
	for _, g := range st.p.Grants {
		if g.AgencyID == st.agency.ID || g.Role == auth.PlatformAdmin {
			p.Roles = append(p.Roles, g.Role)
		}
	}
	for _, c := range children(all, st.agency.ID) {
		if st.p.Can(auth.ViewOffice, c.ID) {
			p.Children = append(p.Children, c)
		}
	}
	s.render(w, r, http.StatusOK, "agency_home", p)
	return nil
}

type agencySettingsPage struct {
	Page
	Form    agency.Agency
	Parents []agency.Agency // the possible parents, for the platform admin
	Error   string
}

func (s *Server) agencySettings(w http.ResponseWriter, r *http.Request) error {
	return s.renderSettings(w, r, http.StatusOK, *state(r).agency, "")
}

func (s *Server) renderSettings(w http.ResponseWriter, r *http.Request, status int, a agency.Agency, msg string) error {
	p := &agencySettingsPage{Page: s.page(r, "机关信息"), Form: a, Error: msg}
	if p.Platform {
		all, err := s.db.Agencies(r.Context())
		if err != nil {
			return err
		}
		tree := agency.NewTree(all)
		for _, o := range all {
			if !tree.Within(o.ID, a.ID) {
				p.Parents = append(p.Parents, o)
			}
		}
	}
	s.render(w, r, status, "agency_settings", p)
	return nil
}

// agencySettingsSave saves the agency's details and 公开指南 contacts. The
// kind and parent are the platform's to change, not the agency's.
func (s *Server) agencySettingsSave(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	a := *st.agency
	f := r.PostForm
	a.Name, a.Code, a.Office, a.Address = f.Get("name"), f.Get("code"), f.Get("office"), f.Get("address")
	a.Hours, a.Phone, a.Email = f.Get("hours"), f.Get("phone"), f.Get("email")
	if st.p.IsPlatformAdmin() && f.Has("kind") {
		a.Kind = agency.Kind(f.Get("kind"))
		parent, err := strconv.ParseInt(f.Get("parent_id"), 10, 64)
		if err != nil || parent < 0 {
			return s.settingsError(w, r, a, errs.Invalid("请选择上级机关"))
		}
		a.ParentID = parent
	}
	if err := checkContacts(&a); err != nil {
		return s.settingsError(w, r, a, err)
	}
	if err := s.db.UpdateAgency(r.Context(), &a, s.change(r, "agency.update")); err != nil {
		return s.settingsError(w, r, a, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/settings?ok=saved", a.ID), http.StatusSeeOther)
	return nil
}

func (s *Server) settingsError(w http.ResponseWriter, r *http.Request, a agency.Agency, err error) error {
	status, _, msg := classify(err)
	if status >= 500 {
		return err
	}
	return s.renderSettings(w, r, status, a, msg)
}

// checkContacts checks the 公开指南 contact fields: their lengths and the
// e-mail address.
func checkContacts(a *agency.Agency) error {
	for _, f := range []struct {
		label, value string
		max          int
	}{
		{"政府信息公开工作机构", a.Office, 200}, {"办公地址", a.Address, 200}, {"办公时间", a.Hours, 200},
		{"联系电话", a.Phone, 50}, {"电子邮箱", a.Email, 100},
	} {
		if utf8.RuneCountInString(f.value) > f.max {
			return errs.Invalid("%s不能超过%d字", f.label, f.max)
		}
	}
	a.Email = strings.TrimSpace(a.Email)
	if a.Email != "" {
		if addr, err := mail.ParseAddress(a.Email); err != nil || addr.Address != a.Email {
			return errs.Invalid("电子邮箱格式不正确")
		}
	}
	return nil
}
