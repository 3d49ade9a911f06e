package main

import (
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

// TestHTTPServerCapsHeaders serves over a real TCP listener with the
// server serve builds, and checks that headers up to the cap are read and
// a 1 MB header is refused with 431 before the handler runs.
func TestHTTPServerCapsHeaders(t *testing.T) {
	var handled atomic.Int32
	hs := httpServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handled.Add(1)
		io.WriteString(w, "ok")
	}), slog.New(slog.DiscardHandler))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	tests := []struct {
		name    string
		size    int
		status  int
		handled int32
	}{
		{"a 32 KB header", 32 << 10, http.StatusOK, 1},
		{"a 1 MB header", 1 << 20, http.StatusRequestHeaderFieldsTooLarge, 1},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", "http://"+ln.Addr().String()+"/", nil)
		req.Header.Set("X-Padding", strings.Repeat("a", tt.size))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		res.Body.Close()
		if res.StatusCode != tt.status || handled.Load() != tt.handled {
			t.Errorf("%s: status %d, handler ran %d times; want %d, %d", tt.name, res.StatusCode, handled.Load(), tt.status, tt.handled)
		}
	}
}
