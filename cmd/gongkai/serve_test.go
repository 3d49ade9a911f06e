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

// TestServeRefusesBadTrustedProxies stops the server at start, with a
// Chinese message and the usage status, when --trusted-proxies (or its
// environment variable) holds something that is not a range or an address:
// a typo must not silently trust nobody, or everybody.
func TestServeRefusesBadTrustedProxies(t *testing.T) {
	for _, value := range []string{"10.0.0.0/33", "10.0.0.0/8,balancer", "fe80::1%eth0", "10.0.0.0/8;192.168.0.0/16"} {
		t.Run(value, func(t *testing.T) {
			code, _, stderr := runStdin(t, "", "serve", "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--trusted-proxies", value)
			if code != 2 {
				t.Errorf("exit status %d, want 2; stderr %q", code, stderr)
			}
			if !strings.Contains(stderr, "--trusted-proxies") || !strings.Contains(stderr, "不是有效的 CIDR 网段或 IP 地址") {
				t.Errorf("stderr %q does not say, in Chinese, what is wrong with the flag", stderr)
			}
		})
	}
}

// TestServeRefusesBadSMTP stops the server at start when --smtp is not a
// usable mail server address, saying what is missing without echoing the
// password.
func TestServeRefusesBadSMTP(t *testing.T) {
	for value, want := range map[string]string{"smtp://xxgk:s3cret@mail.example.gov.cn:587": "发件地址", "http://mail.example.gov.cn?from=a@b.cn": "smtp://"} {
		code, _, stderr := runStdin(t, "", "serve", "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--smtp", value)
		if code != 2 || !strings.Contains(stderr, "--smtp") || !strings.Contains(stderr, want) || strings.Contains(stderr, "s3cret") {
			t.Errorf("%s: exit status %d, stderr %q", value, code, stderr)
		}
	}
}

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
