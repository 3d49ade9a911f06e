// Package web serves gongkai over HTTP: the public portal, the staff back
// office and the JSON API. It is the only package that knows HTTP; handlers
// parse input, call the domain and the store, and render typed pages.
package web

import (
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/blob"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/store"
)

// Config holds what the web layer needs, passed in by main.
type Config struct {
	DB   *store.DB
	Auth *auth.Service
	Log  *slog.Logger
	Now  func() time.Time
	// Secure marks a site served over HTTPS: cookies get the Secure flag
	// and every response Strict-Transport-Security.
	Secure bool
	// MaxBody caps the size of a request body, in bytes, on routes that
	// do not set their own limit (uploads do).
	MaxBody int64
	// MetricsToken, when set, lets a scraper read /metrics on this
	// listener with "Authorization: Bearer <MetricsToken>"; when empty,
	// /metrics is not found here (serve offers it on --debug-addr).
	MetricsToken string
	// Version is reported by /healthz, for operators; pages do not show it.
	Version string
	// SiteName is the platform's name in every page's header, title and
	// footer, e.g. 长治市人民政府信息公开平台; empty means 政府信息公开平台.
	SiteName string
	// PageCache keeps public pages for visitors without a session this
	// long (0: not at all); see pageCache.
	PageCache time.Duration
	// NoAccessLog turns off the line logged for every request (method,
	// path, status, duration); errors and panics are still logged.
	NoAccessLog bool
	// NoPostLimits turns off the per-client limits on anonymous posts
	// (login, applications, status look-ups); for tests that post from
	// one address many times.
	NoPostLimits bool
	// BaseURL is the public address, e.g. https://gk.example.gov.cn, used in
	// feeds, the sitemap and the search API's links; empty means the
	// request's own host.
	BaseURL string
	// Mail is whether an SMTP server is configured (--smtp); without it the
	// case page says the applicant's notifications stay queued.
	Mail bool
	// Calendar counts the working days of case deadlines; nil means the
	// embedded holiday schedules with those an administrator loaded into
	// the database (store.DB.Calendar), read per request so a new year's
	// schedule applies without a restart.
	Calendar *calendar.Calendar
	// Blobs keeps the bytes of catalog attachments; nil means the folder
	// beside the database (store.DB.BlobDir), as before buckets existed.
	Blobs blob.Store
	// Extractor reads uploaded documents (attachments, import workbooks,
	// audited reports) out of the server's process; required.
	Extractor Extractor
	// TrustedProxies are the ranges of the reverse proxies and load
	// balancers in front of the server: only a request whose TCP peer is
	// in one of them may name its client (X-Forwarded-For) and scheme
	// (X-Forwarded-Proto); nil trusts nobody. See resolveClient.
	TrustedProxies []netip.Prefix
}

// Server is the HTTP side of gongkai.
type Server struct {
	cfg     Config
	db      *store.DB
	auth    *auth.Service
	log     *slog.Logger
	pages   map[string]*template.Template
	metrics *metrics
	routes  []route
	mux     *http.ServeMux
	limits  limiters
	cache   pageCache
}

// New builds the server: it parses the templates and registers the routes.
func New(cfg Config) (*Server, error) {
	if cfg.Extractor == nil {
		return nil, errors.New("web: Config.Extractor is required (uploads are read in the sandbox)")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxBody == 0 {
		cfg.MaxBody = 1 << 20
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Blobs == nil {
		cfg.Blobs = blob.Dir{Root: cfg.DB.BlobDir()}
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, db: cfg.DB, auth: cfg.Auth, log: cfg.Log, pages: pages,
		metrics: newMetrics(prometheus.NewRegistry()), mux: http.NewServeMux()}
	s.cache.ttl = cfg.PageCache
	s.cache.perHost = cfg.BaseURL == ""
	s.routes = append(s.routeTable(), s.catalogRoutes()...)
	for _, rt := range s.routes {
		s.mux.Handle(rt.method+" "+rt.pattern, s.wrap(rt))
	}
	s.mux.HandleFunc("GET /static/", s.static)
	s.mux.HandleFunc("/", s.notFound)
	return s, nil
}

// Handler returns the server's handler with the middleware every request
// goes through.
func (s *Server) Handler() http.Handler {
	var h http.Handler = s.mux
	h = s.crossOrigin(h)
	h = s.servedFromCache(h)
	h = securityHeaders(h, s.cfg.Secure)
	h = s.observe(h)
	h = s.resolveClient(h)
	return h
}

// Routes lists the routes for documentation and tests.
func (s *Server) Routes() []RouteInfo {
	out := make([]RouteInfo, len(s.routes))
	for i, r := range s.routes {
		out[i] = RouteInfo{Method: r.method, Pattern: r.pattern, Access: r.access, Permission: r.perm}
	}
	return out
}
