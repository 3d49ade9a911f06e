package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/gongkai/gongkai/internal/errs"
)

// securityHeaders sets the headers every response carries: a strict content
// security policy (no inline scripts), no framing, no MIME sniffing and,
// when the site is served over HTTPS (secure), Strict-Transport-Security
// for a year, so browsers never again try it over plain HTTP. The
// values are made once and shared by every response, which only reads
// them (Header.Set replaces a value, Header.Add copies a full slice).
func securityHeaders(next http.Handler, secure bool) http.Handler {
	type header struct {
		key   string
		value []string
	}
	set := []header{
		{"Content-Security-Policy", []string{"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
			"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"}},
		{"X-Frame-Options", []string{"DENY"}},
		{"X-Content-Type-Options", []string{"nosniff"}},
		{"Referrer-Policy", []string{"same-origin"}},
		{"Permissions-Policy", []string{"camera=(), microphone=(), geolocation=()"}},
	}
	if secure {
		set = append(set, header{"Strict-Transport-Security", []string{"max-age=31536000; includeSubDomains"}})
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, kv := range set {
			h[kv.key] = kv.value
		}
		next.ServeHTTP(w, r)
	})
}

// crossOrigin refuses cross-site state-changing browser requests (a second
// line of CSRF defence behind the per-session form token; it also guards the
// login form, which has no session yet).
func (s *Server) crossOrigin(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, strings.HasPrefix(r.URL.Path, "/api/"), errs.Forbidden("跨站请求被拒绝：请从本站的页面提交"))
	}))
	return cop.Handler(next)
}

// metrics are the Prometheus series the server exports.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(reg *prometheus.Registry) *metrics {
	m := &metrics{
		reg: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "gongkai_http_requests_total", Help: "HTTP requests by route pattern, method and status.",
		}, []string{"route", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "gongkai_http_request_duration_seconds", Help: "HTTP request latency by route pattern.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route"}),
	}
	reg.MustRegister(m.requests, m.duration, prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	return m
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap gives http.ResponseController the writer underneath.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// observe recovers panics, logs each request and counts it.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			v := recover()
			if v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.ErrorContext(r.Context(), "panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				if sw.status == 0 {
					http.Error(sw, "服务器内部错误，请稍后再试", http.StatusInternalServerError)
				}
			}
			if v == nil && (sw.status == 0 || sw.status >= 500) && errors.Is(r.Context().Err(), context.Canceled) {
				sw.status = statusClientClosed // the client went away: not a server error
			}
			pattern := r.Pattern
			if pattern == "" {
				pattern = "unmatched"
			}
			d := time.Since(start)
			s.metrics.requests.WithLabelValues(pattern, methodLabel(r.Method), strconv.Itoa(sw.status)).Inc()
			s.metrics.duration.WithLabelValues(pattern).Observe(d.Seconds())
			s.accessLog(r, sw.status, start.Add(d), d)
		}()
		next.ServeHTTP(sw, r)
	})
}

// accessLog writes the request's line (method, path, client address,
// status, duration) at level Info, unless Config.NoAccessLog turned the
// lines off. It
// builds the record itself instead of calling Logger.Info, which looks up
// the caller's program counter for every line: no handler here prints it,
// and it was a fifth of the line's cost on a cached page.
func (s *Server) accessLog(r *http.Request, status int, end time.Time, d time.Duration) {
	if s.cfg.NoAccessLog {
		return
	}
	ctx := r.Context()
	h := s.log.Handler()
	if !h.Enabled(ctx, slog.LevelInfo) {
		return
	}
	rec := slog.NewRecord(end, slog.LevelInfo, "http", 0)
	rec.AddAttrs(slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("client", clientAddr(r)), slog.Int("status", status),
		slog.Int64("duration_ms", d.Milliseconds()))
	_ = h.Handle(ctx, rec) // as Logger.Info, a handler that cannot write has nowhere to say so
}

// Metrics serves the Prometheus metrics without any check, for a listener
// only the operator reaches (serve's loopback --debug-addr).
func (s *Server) Metrics() http.Handler {
	return promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{})
}

// metricsPage serves /metrics on the public listener only to a scraper
// that shows Config.MetricsToken as a bearer token: the series name every
// route and tell load and errors to anyone. Without a token configured the
// page does not exist here.
func (s *Server) metricsPage(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.MetricsToken == "" {
		return errs.NotFound("页面不存在")
	}
	secret, _ := bearerToken(r)
	if subtle.ConstantTimeCompare([]byte(secret), []byte(s.cfg.MetricsToken)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
		http.Error(w, "需要指标令牌（Authorization: Bearer …）", http.StatusUnauthorized)
		return nil
	}
	s.Metrics().ServeHTTP(w, r)
	return nil
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	if err := s.db.Ping(r.Context()); err != nil {
		s.log.ErrorContext(r.Context(), "health check: database", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "database": "down"})
		return nil
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "database": string(s.db.Dialect()), "version": s.cfg.Version})
	return nil
}

// methodLabel keeps the metric's method label to the standard methods, so
// made-up methods cannot create series without end.
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions:
		return m
	}
	return "other"
}
