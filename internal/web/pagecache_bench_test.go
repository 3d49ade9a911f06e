package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/web"
)

// BenchmarkCachedPage measures what a page-cache hit costs through the
// whole middleware stack (access log formatted by slog's text handler into
// io.Discard, metrics, security headers, routing): the demo bureau's catalog
// page (about 13 KB) and its first item page (about 2 KB), each served once
// to fill the cache. "handler" calls the server's handler in the process
// (allocs/op are the middleware's own); "loopback" adds Go's HTTP server
// and client over loopback with keep-alive, like the wrk comparison with
// nginx in docs/benchmarks.md.
func BenchmarkCachedPage(b *testing.B) {
	h, bureau := benchDemo(b, web.Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), PageCache: time.Hour})
	catalog := bureau + "/catalog"
	item := regexp.MustCompile(`href="(/agencies/[0-9]+/items/[0-9]+)"`).FindStringSubmatch(get(b, h, catalog).Body.String())
	if item == nil {
		b.Fatalf("no item link on %s", catalog)
	}
	srv := httptest.NewServer(h)
	b.Cleanup(srv.Close)
	for _, page := range []struct{ name, path string }{{"catalog", catalog}, {"item", item[1]}} {
		get(b, h, page.path)
		if get(b, h, page.path).Header().Get("X-Cache") != "hit" {
			b.Fatalf("%s is not served from the cache", page.path)
		}
		b.Run(page.name+"/handler", func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, page.path, nil)
			out := &discardWriter{header: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				clear(out.header)
				out.status = 0
				h.ServeHTTP(out, req)
				if out.status != http.StatusOK {
					b.Fatalf("status %d", out.status)
				}
			}
		})
		b.Run(page.name+"/loopback", func(b *testing.B) {
			getParallel(b, srv.URL+page.path)
		})
	}
}

// get serves one anonymous GET through h.
func get(b *testing.B, h http.Handler, path string) *httptest.ResponseRecorder {
	b.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if rec.Code != http.StatusOK {
		b.Fatalf("GET %s: status %d", path, rec.Code)
	}
	return rec
}

// discardWriter is a ResponseWriter that keeps the status and drops the
// body, so the in-process benchmark measures the server and not a recorder.
type discardWriter struct {
	header http.Header
	status int
}

func (d *discardWriter) Header() http.Header { return d.header }

func (d *discardWriter) WriteHeader(code int) {
	if d.status == 0 {
		d.status = code
	}
}

func (d *discardWriter) Write(p []byte) (int, error) {
	if d.status == 0 {
		d.status = http.StatusOK
	}
	return len(p), nil
}
