package web_test

import (
	"net/url"
	"testing"

	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/web"
)

// TestStrictTransportSecurity checks that with secure cookies (a site
// served over HTTPS) every response carries HSTS — pages, redirects,
// errors, static files and the API alike — and that without them none does.
func TestStrictTransportSecurity(t *testing.T) {
	const hsts = "max-age=31536000; includeSubDomains"
	for _, secure := range []bool{true, false} {
		e := newEnv(t, seeded.Open(t, store.SQLite), func(c *web.Config) { c.Secure = secure })
		want := ""
		if secure {
			want = hsts
		}
		c := e.anonymous()
		for _, path := range []string{"/", "/login", "/office", "/static/style.css", "/no-such-page", "/api/v1/agencies", "/api/v1/me", "/healthz"} {
			res, _ := c.get(path)
			if got := res.Header.Get("Strict-Transport-Security"); got != want {
				t.Errorf("secure %v: GET %s (%d): Strict-Transport-Security %q, want %q", secure, path, res.StatusCode, got, want)
			}
		}
		res, _ := c.post("/login", url.Values{"username": {"nobody"}, "password": {"wrong-password"}})
		if got := res.Header.Get("Strict-Transport-Security"); got != want {
			t.Errorf("secure %v: failed login (%d): Strict-Transport-Security %q, want %q", secure, res.StatusCode, got, want)
		}
	}
}
