package web_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/web"
)

// cacheServer is a server over the demo data with the page cache on and
// the access log written to log.
type cacheServer struct {
	h      http.Handler
	bureau string // the demo bureau's path, /agencies/N
	log    *bytes.Buffer
}

func newCacheServer(t *testing.T, cfg web.Config) *cacheServer {
	t.Helper()
	db := seeded.Open(t, store.SQLite)
	e := newEnv(t, db)
	var log bytes.Buffer
	cfg.DB, cfg.Auth, cfg.PageCache = db, auth.NewService(db, testPolicy(), time.Now), 5*time.Second
	cfg.Log = slog.New(slog.NewTextHandler(&log, nil))
	cfg.Extractor = testExtractor
	srv, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &cacheServer{h: srv.Handler(), bureau: "/agencies/" + itoa(e.ids[demo.Bureau]), log: &log}
}

// do serves one request; header is set on it as given ("Host" sets the host).
func (c *cacheServer) do(method, path string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, nil)
	for k, v := range header {
		if k == "Host" {
			req.Host = v
		} else {
			req.Header.Set(k, v)
		}
	}
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, req)
	return rec
}

// TestPageCacheHit answers a repeated anonymous view with the same page
// and headers as the first, a declared length, a HEAD without body, and
// counts and logs it like any other request.
func TestPageCacheHit(t *testing.T) {
	t.Parallel()
	c := newCacheServer(t, web.Config{MetricsToken: "metrics-secret"})
	page := c.bureau + "/catalog"
	miss := c.do("GET", page, nil)
	if miss.Code != 200 || miss.Header().Get("X-Cache") != "" {
		t.Fatalf("first view: %d, X-Cache %q", miss.Code, miss.Header().Get("X-Cache"))
	}
	hit := c.do("GET", page, nil)
	if hit.Header().Get("X-Cache") != "hit" {
		t.Fatalf("second view not from the cache: %v", hit.Header())
	}
	if !bytes.Equal(hit.Body.Bytes(), miss.Body.Bytes()) {
		t.Error("the cached page differs from the rendered one")
	}
	if got, want := hit.Header().Get("Content-Length"), strconv.Itoa(miss.Body.Len()); got != want {
		t.Errorf("Content-Length %q, want %q", got, want)
	}
	for _, k := range []string{"Content-Type", "Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
		"Referrer-Policy", "Permissions-Policy"} {
		if got, want := hit.Header().Values(k), miss.Header().Values(k); len(want) != 1 || strings.Join(got, "|") != want[0] {
			t.Errorf("%s: hit %q, rendered %q", k, got, want)
		}
	}
	head := c.do("HEAD", page, nil)
	if head.Code != 200 || head.Body.Len() != 0 || head.Header().Get("Content-Length") != strconv.Itoa(miss.Body.Len()) {
		t.Errorf("HEAD from the cache: %d, %d bytes, Content-Length %q", head.Code, head.Body.Len(), head.Header().Get("Content-Length"))
	}
	metrics := c.do("GET", "/metrics", map[string]string{"Authorization": "Bearer metrics-secret"}).Body.String()
	if want := `gongkai_http_requests_total{code="200",method="GET",route="GET /agencies/{agency}/catalog"} 2`; !strings.Contains(metrics, want) {
		t.Errorf("metrics lack %s", want)
	}
	if n := strings.Count(c.log.String(), "msg=http method=GET path="+page+" client=192.0.2.1 status=200"); n != 2 {
		t.Errorf("%d access log lines for the two views, want 2:\n%s", n, c.log)
	}
}

// TestPageCacheHosts keeps a page per host and scheme when links are made
// from the request, so a client naming another host cannot plant its
// links in what others are served; with --base-url one copy serves all.
func TestPageCacheHosts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		baseURL  string
		wantHit  bool
		wantLink string // in the second answer
	}{
		{"links from the request", "", false, "http://b.example/"},
		{"links from --base-url", "https://gk.example.gov.cn", true, "https://gk.example.gov.cn/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// httptest.NewRequest's peer, a trusted proxy here, may tell
			// the scheme (resolveClient).
			proxy, _ := web.ParseTrustedProxies("192.0.2.1")
			c := newCacheServer(t, web.Config{BaseURL: tt.baseURL, TrustedProxies: proxy})
			feed := c.bureau + "/feed.atom"
			if rec := c.do("GET", feed, map[string]string{"Host": "a.example"}); rec.Code != 200 {
				t.Fatalf("feed: %d", rec.Code)
			}
			for _, h := range []map[string]string{{"Host": "b.example"}, {"Host": "a.example", "X-Forwarded-Proto": "https"}} {
				rec := c.do("GET", feed, h)
				if hit := rec.Header().Get("X-Cache") == "hit"; hit != tt.wantHit {
					t.Errorf("%v: hit %v, want %v", h, hit, tt.wantHit)
				}
				if h["Host"] == "b.example" && !strings.Contains(rec.Body.String(), tt.wantLink) {
					t.Errorf("%v: feed without %s", h, tt.wantLink)
				}
			}
		})
	}
}

// TestPageCacheBypass never answers from the cache what depends on who is
// asking: any cookie, any credentials, and nothing for a POST.
func TestPageCacheBypass(t *testing.T) {
	t.Parallel()
	c := newCacheServer(t, web.Config{})
	page := c.bureau
	c.do("GET", page, nil)
	tests := []struct {
		name   string
		method string
		header map[string]string
	}{
		{"session cookie", "GET", map[string]string{"Cookie": "gongkai_session=gks_x"}},
		{"other cookie", "GET", map[string]string{"Cookie": "x=1"}},
		{"credentials", "GET", map[string]string{"Authorization": "Bearer x"}},
		{"post", "POST", nil},
	}
	for _, tt := range tests {
		if rec := c.do(tt.method, page, tt.header); rec.Header().Get("X-Cache") != "" {
			t.Errorf("%s: answered from the cache", tt.name)
		}
	}
	if c.do("GET", page, nil).Header().Get("X-Cache") != "hit" {
		t.Error("an anonymous view after them was not a hit")
	}
}

// TestAccessLog writes one line per request, cache hits included, unless
// it is turned off.
func TestAccessLog(t *testing.T) {
	t.Parallel()
	for _, off := range []bool{false, true} {
		c := newCacheServer(t, web.Config{NoAccessLog: off})
		c.do("GET", "/healthz", nil)
		c.do("GET", c.bureau, nil)
		c.do("GET", c.bureau, nil)
		lines := strings.Count(c.log.String(), "msg=http ")
		if want := map[bool]int{false: 3, true: 0}[off]; lines != want {
			t.Errorf("NoAccessLog %v: %d access lines, want %d:\n%s", off, lines, want, c.log)
		}
	}
}

// TestPageCacheOverTCP serves cached pages through a real HTTP server
// that keeps connections in the context (web.ConnContext), so hits larger
// than net/http's buffer are sent corked: the page must arrive whole and
// equal to the rendered one, on a kept-alive connection, again and again.
func TestPageCacheOverTCP(t *testing.T) {
	t.Parallel()
	c := newCacheServer(t, web.Config{})
	ts := httptest.NewUnstartedServer(c.h)
	ts.Config.ConnContext = web.ConnContext
	ts.Start()
	defer ts.Close()
	get := func() (string, []byte) {
		t.Helper()
		res, err := ts.Client().Get(ts.URL + c.bureau + "/catalog")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b bytes.Buffer
		if _, err := b.ReadFrom(res.Body); err != nil {
			t.Fatal(err)
		}
		if res.StatusCode != 200 || res.ContentLength >= 0 && res.ContentLength != int64(b.Len()) {
			t.Fatalf("status %d, Content-Length %d for %d bytes", res.StatusCode, res.ContentLength, b.Len())
		}
		return res.Header.Get("X-Cache"), b.Bytes()
	}
	_, rendered := get()
	if len(rendered) < 8<<10 {
		t.Fatalf("the catalog page is %d bytes, too small to need two writes", len(rendered))
	}
	for i := range 20 {
		state, page := get()
		if state != "hit" || !bytes.Equal(page, rendered) {
			t.Fatalf("hit %d: X-Cache %q, %d bytes, equal to the rendered page: %v", i, state, len(page), bytes.Equal(page, rendered))
		}
	}
}
