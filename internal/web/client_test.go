package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
	"github.com/gongkai/gongkai/internal/web"
)

// lockedBuffer collects log lines written by the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// clients returns the client address of each access-log line for path.
func (l *lockedBuffer) clients(t *testing.T, path string) []string {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(l.b.String()), "\n") {
		var rec struct{ Msg, Path, Client string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if rec.Msg == "http" && rec.Path == path {
			out = append(out, rec.Client)
		}
	}
	return out
}

// listen serves h on a loopback address of the given family ("127.0.0.1"
// or "[::1]"), so the server sees real TCP peers of that family.
func listen(t *testing.T, host string, h http.Handler) *httptest.Server {
	t.Helper()
	ln, err := net.Listen("tcp", host+":0")
	if err != nil {
		t.Skipf("no loopback address %s on this machine: %v", host, err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// TestClientBehindTrustedProxies sends real requests over TCP and checks
// which client address the access log names and which scheme the site's
// own links take: forwarded headers count only from a trusted peer.
func TestClientBehindTrustedProxies(t *testing.T) {
	db := storetest.Open(t, store.SQLite)
	tests := []struct {
		name    string
		trusted string
		peer    string   // the loopback address the request comes from
		xff     []string // X-Forwarded-For header lines
		proto   string
		client  string
		https   bool
	}{
		{name: "no proxy trusted, forged headers ignored", trusted: "", peer: "127.0.0.1",
			xff: []string{"203.0.113.9"}, proto: "https", client: "127.0.0.1"},
		{name: "untrusted peer, forged headers ignored", trusted: "10.0.0.0/8", peer: "127.0.0.1",
			xff: []string{"203.0.113.9, 10.0.0.1"}, proto: "https", client: "127.0.0.1"},
		{name: "trusted peer, chain a, b, proxy: right-most untrusted", trusted: "127.0.0.0/8, 10.0.0.0/8", peer: "127.0.0.1",
			xff: []string{"198.51.100.1, 203.0.113.2, 10.1.2.3"}, proto: "https", client: "203.0.113.2", https: true},
		{name: "trusted peer, chain over two header lines", trusted: "127.0.0.1", peer: "127.0.0.1",
			xff: []string{"198.51.100.1", "203.0.113.2"}, proto: "http", client: "203.0.113.2"},
		{name: "trusted peer, forged left-most entry cannot win", trusted: "127.0.0.0/8", peer: "127.0.0.1",
			xff: []string{"127.0.0.5, 203.0.113.2"}, client: "203.0.113.2"},
		{name: "trusted peer, every hop trusted: the left-most", trusted: "127.0.0.0/8,10.0.0.0/8", peer: "127.0.0.1",
			xff: []string{"10.9.9.9, 10.1.1.1"}, client: "10.9.9.9"},
		{name: "trusted peer, garbage stops the walk at the hop that sent it", trusted: "127.0.0.0/8,10.0.0.0/8", peer: "127.0.0.1",
			xff: []string{"203.0.113.2, unknown, 10.1.1.1"}, client: "10.1.1.1"},
		{name: "trusted peer, no header: the peer", trusted: "127.0.0.0/8", peer: "127.0.0.1", client: "127.0.0.1"},
		{name: "IPv6 trusted peer, IPv6 client with port", trusted: "::1/128", peer: "[::1]",
			xff: []string{"[2001:db8::7]:51000, ::1"}, proto: "https", client: "2001:db8::7", https: true},
		{name: "IPv6 untrusted peer", trusted: "127.0.0.0/8, fd00::/8", peer: "[::1]",
			xff: []string{"2001:db8::7"}, proto: "https", client: "::1"},
		{name: "IPv6 peer trusted, IPv4-mapped client", trusted: "::1", peer: "[::1]",
			xff: []string{"::ffff:203.0.113.2"}, client: "203.0.113.2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			trusted, err := web.ParseTrustedProxies(tt.trusted)
			if err != nil {
				t.Fatal(err)
			}
			var logs lockedBuffer
			srv, err := web.New(web.Config{DB: db, Auth: auth.NewService(db, auth.DefaultPolicy, nil),
				Log: slog.New(slog.NewJSONHandler(&logs, nil)), TrustedProxies: trusted, Extractor: testExtractor})
			if err != nil {
				t.Fatal(err)
			}
			ts := listen(t, tt.peer, srv.Handler())
			req, _ := http.NewRequest("GET", ts.URL+"/sitemap.xml", nil)
			for _, v := range tt.xff {
				req.Header.Add("X-Forwarded-For", v)
			}
			if tt.proto != "" {
				req.Header.Set("X-Forwarded-Proto", tt.proto)
			}
			res, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var body bytes.Buffer
			_, _ = body.ReadFrom(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			if got := logs.clients(t, "/sitemap.xml"); len(got) != 1 || got[0] != tt.client {
				t.Errorf("access log clients %q, want [%s]", got, tt.client)
			}
			wantLoc := "<loc>http://"
			if tt.https {
				wantLoc = "<loc>https://"
			}
			if !strings.Contains(body.String(), wantLoc) {
				t.Errorf("sitemap links not on %s…: %.200s", wantLoc, body.String())
			}
		})
	}
}

// TestPostLimitsAndAuditUseTheResolvedClient keys the anonymous post
// limits and the audit log on the client behind a trusted balancer, not
// on the balancer (which would put a whole city in one bucket), and does
// not let an untrusted peer escape its limit by forging X-Forwarded-For.
func TestPostLimitsAndAuditUseTheResolvedClient(t *testing.T) {
	db := seeded.Open(t, store.SQLite)
	e := newEnv(t, db, func(c *web.Config) {
		c.NoPostLimits = false
		c.TrustedProxies, _ = web.ParseTrustedProxies("127.0.0.0/8")
	})
	untrusted, err := web.New(web.Config{DB: db, Auth: auth.NewService(db, auth.DefaultPolicy, nil), Extractor: testExtractor})
	if err != nil {
		t.Fatal(err)
	}
	direct := listen(t, "127.0.0.1", untrusted.Handler())
	apply := "/agencies/" + itoa(e.ids[demo.Bureau]) + "/apply"
	post := func(base, xff string) int {
		req, _ := http.NewRequest("POST", base+apply, strings.NewReader("name=x"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", base)
		req.Header.Set("X-Forwarded-For", xff)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	const burst = 5 // the application form's
	for i := range burst {
		if code := post(e.srv.URL, "203.0.113.1"); code == http.StatusTooManyRequests {
			t.Fatalf("behind the balancer: post %d refused within the burst", i+1)
		}
	}
	if code := post(e.srv.URL, "203.0.113.1"); code != http.StatusTooManyRequests {
		t.Errorf("behind the balancer: post %d from one client: status %d, want 429", burst+1, code)
	}
	if code := post(e.srv.URL, "203.0.113.2"); code == http.StatusTooManyRequests {
		t.Errorf("behind the balancer: another client shares the first one's bucket")
	}
	for i := range burst {
		post(direct.URL, "198.51.100."+itoa(int64(i)))
	}
	if code := post(direct.URL, "198.51.100.99"); code != http.StatusTooManyRequests {
		t.Errorf("untrusted peer forging X-Forwarded-For: post %d: status %d, want 429", burst+1, code)
	}

	// A login through the balancer is recorded with the client's address.
	c := e.anonymous()
	req, _ := http.NewRequest("POST", e.srv.URL+"/login", strings.NewReader(url.Values{
		"username": {"admin"}, "password": {demoPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-For", "2001:db8::42, 127.0.0.9")
	if res, _ := c.do(req); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: status %d", res.StatusCode)
	}
	es, err := db.AuditEntries(context.Background(), store.AuditFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].Action != "user.login" || es[0].Client != "2001:db8::42" {
		t.Fatalf("last audit entry %+v, want user.login from 2001:db8::42", es)
	}
	if es[0].Hash != es[0].ComputeHash() {
		t.Errorf("the entry's hash does not cover what was stored")
	}
}

// TestParseTrustedProxies accepts ranges and single addresses and refuses
// anything else with a Chinese message naming the bad value.
func TestParseTrustedProxies(t *testing.T) {
	tests := []struct {
		in   string
		want string // the ranges, joined; "error" for a refusal
	}{
		{"", ""},
		{" 10.0.0.0/8 , fd00::/8 ", "10.0.0.0/8 fd00::/8"},
		{"192.168.1.7", "192.168.1.7/32"},
		{"10.1.2.3/8", "10.0.0.0/8"},
		{"::ffff:10.0.0.1", "10.0.0.1/32"},
		{"2001:db8::1", "2001:db8::1/128"},
		{"10.0.0.0/33", "error"},
		{"balancer.local", "error"},
		{"fe80::1%eth0", "error"},
		{"10.0.0.0/8;10.1.0.0/16", "error"},
	}
	for _, tt := range tests {
		ps, err := web.ParseTrustedProxies(tt.in)
		if tt.want == "error" {
			if err == nil || !strings.Contains(err.Error(), "不是有效的 CIDR 网段或 IP 地址") {
				t.Errorf("%q: error %v, want a Chinese refusal", tt.in, err)
			}
			continue
		}
		var got []string
		for _, p := range ps {
			got = append(got, p.String())
		}
		if err != nil || strings.Join(got, " ") != tt.want {
			t.Errorf("%q: %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
