package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"unicode"

	"github.com/gongkai/gongkai/internal/errs"
)

type loginPage struct {
	Page
	Next     string
	Username string
	Error    string
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, "login", &loginPage{Page: s.page(r, "登录"), Next: safeNext(r.URL.Query().Get("next"))})
	return nil
}

// login checks the credentials and sets the session cookie.
func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	username, next := r.PostForm.Get("username"), safeNext(r.PostForm.Get("next"))
	secret, _, err := s.auth.Login(r.Context(), username, r.PostForm.Get("password"), clientAddr(r))
	if errors.Is(err, errs.ErrUnauthenticated) {
		s.render(w, r, http.StatusUnauthorized, "login", &loginPage{Page: s.page(r, "登录"), Next: next,
			Username: username, Error: errs.Message(err)})
		return nil
	}
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: secret, Path: "/", HttpOnly: true,
		Secure: s.cfg.Secure, SameSite: http.SameSiteLaxMode, MaxAge: int(s.auth.Policy.Absolute.Seconds())})
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// safeNext keeps a post-login redirect on this site: a path, with no
// scheme, host, backslash or control character a browser might strip to
// turn "/\t/evil.example" into "//evil.example".
func safeNext(next string) string {
	const fallback = "/office"
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsRune(next, '\\') {
		return fallback
	}
	for _, r := range next {
		if r < 0x20 || r == 0x7f || unicode.IsSpace(r) {
			return fallback
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return fallback
	}
	return next
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	if err := s.auth.Logout(r.Context(), st.p, st.sess); err != nil {
		return err
	}
	s.clearCookie(w)
	http.Redirect(w, r, "/login?ok=logged_out", http.StatusSeeOther)
	return nil
}

func (s *Server) clearCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true,
		Secure: s.cfg.Secure, SameSite: http.SameSiteLaxMode, MaxAge: -1})
}
