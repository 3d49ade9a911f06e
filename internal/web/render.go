package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auth"
)

//go:embed templates static
var assets embed.FS

// chinaTime is UTC+8, the zone every date is shown in.
var chinaTime = time.FixedZone("CST", 8*3600)

var funcs = template.FuncMap{
	"datetime": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.In(chinaTime).Format("2006-01-02 15:04")
	},
	"limits":    limits,
	"roleLabel": func(r auth.Role) string { return r.Label() },
	"kindLabel": func(k agency.Kind) string { return k.Label() },
	"num": func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	},
}

// parsePages parses each page template together with the layout, once.
func parsePages() (map[string]*template.Template, error) {
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(assets, "templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	names, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: list templates: %w", err)
	}
	pages := make(map[string]*template.Template)
	for _, n := range names {
		base := strings.TrimSuffix(path.Base(n), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.Must(layout.Clone()).ParseFS(assets, n)
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", n, err)
		}
		pages[base] = t
	}
	return pages, nil
}

// static serves the embedded stylesheets and images: files only, no
// folder listings, and the site's own 404 page for anything else.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	sub, _ := fs.Sub(assets, "static")
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	info, err := fs.Stat(sub, name)
	if name == "" || err != nil || info.IsDir() {
		s.notFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeFileFS(w, r, sub, name)
}

// Page is what every page shows around its content: the title, who is
// logged in, the agency switcher and the CSRF token for forms.
type Page struct {
	Title     string
	User      *auth.User
	CSRF      string
	Agency    *agency.Agency  // the agency being worked on, in the back office
	Agencies  []agency.Agency // those the user may switch to
	Platform  bool            // the user is a platform admin
	Nav       Nav             // which agency pages the user may open
	Notice    string
	Site      string // the platform's name (Config.SiteName), in the header and footer
	CurrentID int64
	// Refresh, when above zero, has the browser reload the page after
	// that many seconds: a page showing work still under way (an
	// attachment being read, an audit running).
	Refresh int
}

// Nav says which of an agency's back-office pages the user may open.
type Nav struct {
	Users, Settings, Audit bool
	// Cases opens the applications (依申请公开) of the agency.
	Cases bool
}

// page builds the frame of a page for the request.
func (s *Server) page(r *http.Request, title string) Page {
	st := state(r)
	p := Page{Title: title, Site: s.siteName(), Notice: notices[r.URL.Query().Get("ok")]}
	if st.p != nil {
		p.User = &st.p.User
		p.Platform = st.p.IsPlatformAdmin()
		if all, err := s.db.Agencies(r.Context()); err == nil {
			p.Agencies = st.p.Agencies(all)
		}
	}
	if st.sess != nil {
		p.CSRF = st.sess.CSRF
	}
	if st.agency != nil {
		p.Agency, p.CurrentID = st.agency, st.agency.ID
		p.Nav = Nav{
			Users:    st.p.Can(auth.ManageUsers, st.agency.ID),
			Settings: st.p.Can(auth.ManageAgency, st.agency.ID),
			Audit:    st.p.Can(auth.ViewAudit, st.agency.ID),
			Cases:    st.p.Can(auth.ViewOffice, st.agency.ID),
		}
	}
	return p
}

// notices are the confirmations shown after a redirect, by ?ok= code.
var notices = map[string]string{
	"saved":      "已保存。",
	"created":    "已创建。",
	"granted":    "已授予角色。",
	"revoked":    "已撤销。",
	"password":   "密码已修改，该用户的所有会话已结束。",
	"token":      "令牌已撤销。",
	"logged_out": "您已退出登录。",
}

// render executes a page template into a buffer first, so a template error
// never sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	t, ok := s.pages[name]
	if !ok {
		s.log.ErrorContext(r.Context(), "no such template", "name", name)
		http.Error(w, "服务器内部错误，请稍后再试", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", data); err != nil {
		s.log.ErrorContext(r.Context(), "render", "template", name, "err", err)
		http.Error(w, "服务器内部错误，请稍后再试", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

type errorPage struct {
	Page
	Status  int
	Message string
}

// siteName is the platform's name: Config.SiteName, or the generic one.
func (s *Server) siteName() string {
	if s.cfg.SiteName != "" {
		return s.cfg.SiteName
	}
	return "政府信息公开平台"
}
