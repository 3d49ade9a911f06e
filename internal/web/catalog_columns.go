package web

import (
	"fmt"
	"github.com/gongkai/gongkai/internal/auditlog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
)

func urlPathEscape(s string) string { return url.PathEscape(s) }

type catalogColumnsPage struct {
	Page
	Columns    []catalog.Column
	Words      string
	Taxonomies []taxonomyView
	Error      string
}

// catalogColumns shows the agency's columns and scan word list.
func (s *Server) catalogColumns(w http.ResponseWriter, r *http.Request) error {
	return s.renderColumns(w, r, http.StatusOK, "")
}

func (s *Server) renderColumns(w http.ResponseWriter, r *http.Request, status int, msg string) error {
	st := state(r)
	p := &catalogColumnsPage{Page: s.page(r, "栏目、分类与敏感词"), Error: msg}
	var err error
	if p.Columns, err = s.db.Columns(r.Context(), st.agency.ID); err != nil {
		return err
	}
	words, err := s.db.ScanWords(r.Context(), st.agency.ID)
	if err != nil {
		return err
	}
	p.Words = strings.Join(words, "\n")
	if p.Taxonomies, err = s.taxonomyViews(r.Context(), st.agency.ID); err != nil {
		return err
	}
	s.render(w, r, status, "catalog_columns", p)
	return nil
}

// catalogColumnSave creates a column, or renames and moves one (id set).
func (s *Server) catalogColumnSave(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	f := r.PostForm
	c := catalog.Column{AgencyID: st.agency.ID, Name: f.Get("name")}
	for name, dst := range map[string]*int64{"id": &c.ID, "parent_id": &c.ParentID} {
		if v := strings.TrimSpace(f.Get(name)); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 {
				return errs.Invalid("栏目编号无效")
			}
			*dst = n
		}
	}
	if v := strings.TrimSpace(f.Get("position")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return errs.Invalid("排序应为整数")
		}
		c.Position = n
	}
	action := auditlog.Action("column.create")
	if c.ID != 0 {
		action = "column.update"
	}
	if err := s.db.SaveColumn(r.Context(), &c, s.change(r, action)); err != nil {
		status, _, msg := classify(err)
		if status >= 500 {
			return err
		}
		return s.renderColumns(w, r, status, msg)
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/columns?ok=saved", st.agency.ID), http.StatusSeeOther)
	return nil
}

// catalogStandardColumns adds the key-domain catalogs the agency lacks.
func (s *Server) catalogStandardColumns(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	if r.PostForm.Get("confirm") != "1" {
		return errs.Invalid("请确认添加重点领域栏目")
	}
	have, err := s.db.Columns(r.Context(), st.agency.ID)
	if err != nil {
		return err
	}
	exists := map[string]bool{}
	for _, c := range have {
		exists[c.Name] = c.ParentID == 0 || exists[c.Name]
	}
	for i, name := range catalog.StandardColumns {
		if exists[name] {
			continue
		}
		c := catalog.Column{AgencyID: st.agency.ID, Name: name, Position: 100 + i}
		if err := s.db.SaveColumn(r.Context(), &c, s.change(r, "column.create")); err != nil {
			return err
		}
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/columns?ok=saved", st.agency.ID), http.StatusSeeOther)
	return nil
}

// catalogWordsSave replaces the agency's scan word list.
func (s *Server) catalogWordsSave(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	if !r.PostForm.Has("words") {
		return errs.Invalid("请填写敏感词（每行一个）")
	}
	words := strings.Split(strings.ReplaceAll(r.PostForm.Get("words"), "\r", ""), "\n")
	if err := s.db.SetScanWords(r.Context(), st.agency.ID, words, s.change(r, "catalog.scan_words")); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/columns?ok=saved", st.agency.ID), http.StatusSeeOther)
	return nil
}
