package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
)

// sessionCookie names the cookie that carries the session secret.
const sessionCookie = "gongkai_session"

// reqState is what the route wrapper learns about a request: who is asking
// and, for agency routes, in which agency.
type reqState struct {
	p      *auth.Principal
	sess   *auth.Session
	agency *agency.Agency
	upload int64 // the route's stated upload limit, for the 413 page
}

type stateKey struct{}

func state(r *http.Request) *reqState {
	if st, ok := r.Context().Value(stateKey{}).(*reqState); ok {
		return st
	}
	return &reqState{}
}

var (
	errCSRF = &errs.Error{Kind: errs.ErrForbidden, Message: "页面已过期或请求来源不可信，请刷新页面后重试"}
	errDeny = &errs.Error{Kind: errs.ErrForbidden, Message: "您没有权限访问此页面或执行此操作"}
)

// wrap turns a route into an http.Handler that authenticates, checks
// CSRF and permissions, runs the handler and reports its error.
func (s *Server) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit := rt.maxBody
		switch {
		case rt.upload > 0:
			limit = rt.upload + formSlack
		case limit == 0:
			limit = s.cfg.MaxBody
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		st := &reqState{upload: rt.upload}
		r = r.WithContext(context.WithValue(r.Context(), stateKey{}, st))
		if err := s.admit(rt, st, r); err != nil {
			s.fail(w, r, rt.api, err)
			return
		}
		// Hits were answered by servedFromCache; here a miss is rendered
		// and kept.
		if s.cache.ttl <= 0 || !cacheable(rt, r) {
			if err := rt.h(w, r); err != nil {
				s.fail(w, r, rt.api, err)
			}
			return
		}
		// The cache may answer the next request for this page compressed:
		// shared caches on the way must key it by Accept-Encoding too.
		w.Header().Add("Vary", "Accept-Encoding")
		rec := &recorder{ResponseWriter: w}
		if err := rt.h(rec, r); err != nil {
			s.fail(w, r, rt.api, err)
			return
		}
		if rec.status == http.StatusOK && !rec.tooBig && r.Method == http.MethodGet && rec.Header().Get("Set-Cookie") == "" {
			s.cache.store(r, rec.Header(), rec.buf.Bytes(), s.cfg.Now())
		}
	})
}

// admit decides whether the request may reach the route's handler.
func (s *Server) admit(rt route, st *reqState, r *http.Request) error {
	ctx := r.Context()
	if rt.access == Public && r.Method == http.MethodPost && !s.cfg.NoPostLimits && !s.limits.allow(r, rt.pattern, rt.postsPerMinute, s.cfg.Now()) {
		return errTooMany
	}
	switch rt.access {
	case Public:
		if !rt.api {
			s.loadSession(r, st) // only to show who is logged in
		}
		return nil
	case Token:
		secret, ok := bearerToken(r)
		if !ok {
			return &errs.Error{Kind: errs.ErrUnauthenticated, Message: "需要 API 令牌（Authorization: Bearer …）"}
		}
		p, err := s.auth.AuthenticateToken(ctx, secret)
		if err != nil {
			return err
		}
		st.p = p
	default:
		if err := s.loadSession(r, st); err != nil {
			return err
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if err := parseForm(r); err != nil {
				return err
			}
			if !auth.CheckCSRF(st.sess, r.PostForm.Get("csrf")) {
				return errCSRF
			}
		}
	}
	switch {
	case rt.access == Platform && !st.p.IsPlatformAdmin():
		return errDeny
	case rt.perm != "":
		a, err := s.pathAgency(r)
		if err != nil {
			return err
		}
		if !st.p.Can(rt.perm, a.ID) {
			return errDeny
		}
		st.agency = a
	}
	return nil
}

// bearerToken returns the credentials of an "Authorization: Bearer …"
// header. The scheme is matched without regard to case, as RFC 9110
// (section 11.1) asks, so "bearer" and "BEARER" work as well.
func bearerToken(r *http.Request) (string, bool) {
	scheme, secret, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	secret = strings.TrimSpace(secret)
	return secret, secret != ""
}

// loadSession authenticates the session cookie, if any.
func (s *Server) loadSession(r *http.Request, st *reqState) error {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return errs.ErrUnauthenticated
	}
	p, sess, err := s.auth.Authenticate(r.Context(), c.Value)
	if err != nil {
		return err
	}
	st.p, st.sess = p, sess
	return nil
}

// pathAgency loads the agency named by the {agency} path segment.
func (s *Server) pathAgency(r *http.Request) (*agency.Agency, error) {
	id, err := strconv.ParseInt(r.PathValue("agency"), 10, 64)
	if err != nil || id <= 0 {
		return nil, errs.NotFound("机关不存在")
	}
	return s.db.Agency(r.Context(), id)
}

// pathID parses a numeric path segment.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errs.NotFound("页面不存在")
	}
	return id, nil
}

// parseForm reads a posted form, telling a too-large body from a
// malformed one.
func parseForm(r *http.Request) error {
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(8 << 20) // larger files spill to temporary files
	} else {
		err = r.ParseForm()
	}
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return err
	case err != nil:
		return errs.Invalid("表单无法解析")
	}
	for _, vs := range r.PostForm {
		for _, v := range vs {
			if !cleanText(v) {
				return errs.Invalid("提交的内容含有无效字符（如空字符或非 UTF-8 编码），请检查后重新提交")
			}
		}
	}
	return nil
}

// cleanText reports whether form text is valid UTF-8 free of control
// characters other than tab and line breaks — what both databases store
// alike (PostgreSQL refuses NUL bytes outright).
func cleanText(v string) bool {
	if !utf8.ValidString(v) {
		return false
	}
	for _, r := range v {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
			return false
		}
	}
	return true
}
