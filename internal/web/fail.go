package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gongkai/gongkai/internal/errs"
)

// apiError is the JSON body of every API error.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// classify maps an error to a status, a code for the API and a message
// safe to show. Internal errors get a generic message; their text is logged,
// never shown.
func classify(err error) (status int, code, msg string) {
	var mbe *http.MaxBytesError
	switch {
	case errors.Is(err, context.Canceled):
		return statusClientClosed, "client_closed", "请求已取消"
	case errors.As(err, &mbe):
		if m := errs.Message(err); m != "" {
			return http.StatusRequestEntityTooLarge, "too_large", m
		}
		return http.StatusRequestEntityTooLarge, "too_large", "提交的内容过大"
	case errors.Is(err, errTooManyRequests):
		return http.StatusTooManyRequests, "too_many_requests", errs.Message(err)
	case errors.Is(err, errNotAllowed):
		return http.StatusMethodNotAllowed, "method_not_allowed", errs.Message(err)
	case errors.Is(err, errs.ErrInvalid):
		status, code, msg = http.StatusBadRequest, "invalid", "提交的内容有误"
	case errors.Is(err, errs.ErrNotFound):
		status, code, msg = http.StatusNotFound, "not_found", "页面不存在"
	case errors.Is(err, errs.ErrConflict):
		status, code, msg = http.StatusConflict, "conflict", "与现有记录冲突"
	case errors.Is(err, errs.ErrForbidden):
		status, code, msg = http.StatusForbidden, "forbidden", "您没有权限执行此操作"
	case errors.Is(err, errs.ErrUnauthenticated):
		status, code, msg = http.StatusUnauthorized, "unauthenticated", "请先登录"
	default:
		return http.StatusInternalServerError, "internal", "服务器内部错误，请稍后再试"
	}
	if m := errs.Message(err); m != "" {
		msg = m
	}
	return status, code, msg
}

// statusClientClosed is the status recorded (in /metrics and the access
// log) for a request whose client went away before it was answered — nginx's
// 499 "client closed request" — so that a disconnect is not counted as a
// server error. Nobody is there to receive it.
const statusClientClosed = 499

// fail reports a handler's error to the user and the log.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, api bool, err error) {
	if errors.Is(r.Context().Err(), context.Canceled) && !errors.Is(err, context.Canceled) {
		// The client left while the handler worked; a driver may report it
		// in its own words (SQLite: "interrupted").
		err = fmt.Errorf("%w: %w", context.Canceled, err)
	}
	var mbe *http.MaxBytesError
	if up := state(r).upload; up > 0 && errors.As(err, &mbe) {
		err = fmt.Errorf("%w: %w", &errs.Error{Kind: errs.ErrInvalid, Message: fmt.Sprintf("文件过大：不能超过 %d MB", up>>20)}, err)
	}
	status, code, msg := classify(err)
	if status == statusClientClosed {
		s.log.InfoContext(r.Context(), "client closed request", "method", r.Method, "path", r.URL.Path, "err", err)
		w.WriteHeader(status)
		return
	}
	if status == http.StatusInternalServerError {
		s.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	} else {
		s.log.InfoContext(r.Context(), "request refused", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	}
	if api {
		var body apiError
		body.Error.Code, body.Error.Message = code, msg
		writeJSON(w, status, body)
		return
	}
	if status == http.StatusUnauthorized && r.Method == http.MethodGet {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	s.render(w, r, status, "error", &errorPage{Page: s.page(r, "出错了"), Status: status, Message: msg})
}

// writeJSON writes v as the JSON body with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// notFound answers a request no route matched: 405 with an Allow header
// when the path exists for other methods, else 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	api := strings.HasPrefix(r.URL.Path, "/api/")
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "/" && pattern != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 && r.Method != http.MethodGet {
		if contains(allow, http.MethodGet) {
			allow = append(allow, http.MethodHead)
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		s.fail(w, r, api, errMethod)
		return
	}
	s.fail(w, r, api, errs.NotFound("页面不存在"))
}

// errMethod is the answer to a method a route does not take.
var errMethod = &errs.Error{Kind: errNotAllowed, Message: "不支持此请求方法"}

// errNotAllowed is the kind of errMethod, mapped to 405.
var errNotAllowed = errors.New("method not allowed")

// errTooManyRequests is the kind of errTooMany, mapped to 429.
var errTooManyRequests = errors.New("too many requests")

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
