package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/gongkai/gongkai/internal/web"
)

// TestPageCacheGzip answers a cached page gzip-compressed exactly when the
// request's Accept-Encoding accepts gzip, with the compressed length and
// the same headers otherwise, keeps small pages plain, and says Vary on
// every cacheable answer, the rendered one included.
func TestPageCacheGzip(t *testing.T) {
	t.Parallel()
	c := newCacheServer(t, web.Config{})
	catalog := c.bureau + "/catalog"
	small := "/api/v1/" + c.bureau[1:] // the agency as JSON, a few hundred bytes
	rendered := map[string]*httptest.ResponseRecorder{}
	for _, path := range []string{catalog, small} {
		miss := c.do("GET", path, nil)
		if miss.Code != 200 || miss.Header().Get("X-Cache") != "" {
			t.Fatalf("first view of %s: %d, X-Cache %q", path, miss.Code, miss.Header().Get("X-Cache"))
		}
		if got := miss.Header().Values("Vary"); len(got) != 1 || got[0] != "Accept-Encoding" {
			t.Errorf("rendered %s: Vary %q", path, got)
		}
		rendered[path] = miss
	}
	if n := rendered[small].Body.Len(); n >= 1024 {
		t.Fatalf("the small page %s has %d bytes", small, n)
	}
	tests := []struct {
		name, method, path, accept string
		wantGzip                   bool
	}{
		{"no Accept-Encoding", "GET", catalog, "", false},
		{"gzip", "GET", catalog, "gzip", true},
		{"a browser's list", "GET", catalog, "gzip, deflate, br, zstd", true},
		{"weighted below br", "GET", catalog, "br;q=1.0, gzip;q=0.8", true},
		{"x-gzip", "GET", catalog, "x-gzip", true},
		{"any coding", "GET", catalog, "*", true},
		{"gzip refused", "GET", catalog, "gzip;q=0", false},
		{"gzip refused, other case and spaces", "GET", catalog, "br, GZIP ; Q=0.000", false},
		{"any but gzip", "GET", catalog, "*, gzip;q=0", false},
		{"any refused", "GET", catalog, "*;q=0", false},
		{"bad weight", "GET", catalog, "gzip;q=high", false},
		{"identity only", "GET", catalog, "identity", false},
		{"deflate only", "GET", catalog, "deflate", false},
		{"HEAD with gzip", "HEAD", catalog, "gzip", true},
		{"HEAD without", "HEAD", catalog, "", false},
		{"small page with gzip", "GET", small, "gzip", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := map[string]string{}
			if tt.accept != "" {
				h["Accept-Encoding"] = tt.accept
			}
			rec := c.do(tt.method, tt.path, h)
			want := rendered[tt.path]
			got := rec.Header()
			if rec.Code != 200 || got.Get("X-Cache") != "hit" {
				t.Fatalf("%d, X-Cache %q", rec.Code, got.Get("X-Cache"))
			}
			if v := got.Values("Vary"); len(v) != 1 || v[0] != "Accept-Encoding" {
				t.Errorf("Vary %q", v)
			}
			for _, k := range []string{"Content-Type", "Content-Security-Policy", "X-Frame-Options",
				"X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"} {
				if got.Get(k) == "" || got.Get(k) != want.Header().Get(k) {
					t.Errorf("%s %q, rendered %q", k, got.Get(k), want.Header().Get(k))
				}
			}
			if enc := got.Get("Content-Encoding"); (enc == "gzip") != tt.wantGzip || !tt.wantGzip && enc != "" {
				t.Fatalf("Content-Encoding %q, want gzip: %v", enc, tt.wantGzip)
			}
			length, err := strconv.Atoi(got.Get("Content-Length"))
			if err != nil {
				t.Fatalf("Content-Length %q", got.Get("Content-Length"))
			}
			if tt.method == "HEAD" {
				if rec.Body.Len() != 0 {
					t.Errorf("HEAD with %d bytes of body", rec.Body.Len())
				}
				if plain := want.Body.Len(); tt.wantGzip && length >= plain || !tt.wantGzip && length != plain {
					t.Errorf("HEAD: Content-Length %d, plain page %d bytes", length, plain)
				}
				return
			}
			if length != rec.Body.Len() {
				t.Errorf("Content-Length %d, body %d bytes", length, rec.Body.Len())
			}
			body := rec.Body.Bytes()
			if tt.wantGzip {
				if body = gunzip(t, body); rec.Body.Len() >= len(body) {
					t.Errorf("compressed %d bytes, plain %d", rec.Body.Len(), len(body))
				}
			}
			if !bytes.Equal(body, want.Body.Bytes()) {
				t.Error("the page differs from the rendered one")
			}
		})
	}
}

// gunzip decompresses a gzip stream, failing the test if it is not one.
func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("gunzip: %v", err)
	}
	return out
}
