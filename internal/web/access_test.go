package web_test

import (
	"net/http"
	"testing"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/web"
)

// allowedInBureau says, per permission, which demo users may act in the
// bureau (长治市行政审批服务管理局). It is written out from the role
// definitions, not derived from the code under test.
var allowedInBureau = map[auth.Permission][]string{
	auth.ViewOffice:   {"admin", "spj-admin", "spj-editor", "spj-reviewer", "spj-officer", "spj-approver", "city-supervisor"},
	auth.ViewAudit:    {"admin", "spj-admin", "city-supervisor"},
	auth.ManageUsers:  {"admin", "spj-admin"},
	auth.ManageAgency: {"admin", "spj-admin"},
	auth.EditInfo:     {"admin", "spj-editor"},
	auth.ReviewInfo:   {"admin", "spj-reviewer"},
	auth.HandleCases:  {"admin", "spj-officer"},
	auth.Approve:      {"admin", "spj-approver"},
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestAccessByRole calls every back-office route as every demo user, in the
// bureau and in a sibling agency, and checks who is let through.
func TestAccessByRole(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		clients := map[string]*client{}
		for _, acc := range demo.Accounts {
			clients[acc.Username] = e.login(acc.Username)
		}
		anon := e.anonymous()
		for _, rt := range e.web.Routes() {
			for _, where := range []string{demo.Bureau, "长治市教育局"} {
				path := e.path(rt.Pattern, where)
				for _, acc := range demo.Accounts {
					if rt.Method == "POST" && rt.Pattern == "/login" {
						break // logging in is tested below and in TestLogin
					}
					var want bool
					switch rt.Access {
					case web.Public, web.LoggedIn:
						want = true
					case web.Platform:
						want = acc.Username == "admin"
					case web.InAgency:
						allowed, ok := allowedInBureau[rt.Permission]
						if !ok {
							t.Fatalf("route %s %s: permission %s has no expectation", rt.Method, rt.Pattern, rt.Permission)
						}
						switch {
						case acc.Username == "admin" || acc.Username == "city-supervisor" && contains(allowed, acc.Username):
							want = true
						case where == demo.Bureau:
							want = contains(allowed, acc.Username)
						default: // 教育局: only its own admin, for what an admin may do
							want = acc.Username == "jyj-admin" && contains(allowed, "spj-admin")
						}
					case web.Token:
						continue // covered by TestAPI
					}
					c := clients[acc.Username]
					var res *http.Response
					if rt.Method == "GET" {
						res, _ = c.get(path)
					} else {
						res, _ = c.post(path, nil) // an empty form: refused or invalid, never a change
					}
					if rt.Pattern == "/logout" || rt.Pattern == "/office/account/logout-all" {
						clients[acc.Username] = e.login(acc.Username) // that route did end the session
					}
					denied := res.StatusCode == http.StatusForbidden || res.StatusCode == http.StatusUnauthorized
					if denied == want || res.StatusCode >= 500 {
						t.Errorf("%s %s as %s: status %d, want allowed=%v", rt.Method, path, acc.Username, res.StatusCode, want)
					}
				}
				// Nobody logged in: only public routes answer.
				var res *http.Response
				if rt.Method == "GET" {
					res, _ = anon.get(path)
				} else {
					res, _ = anon.post(path, nil)
				}
				public := rt.Access == web.Public
				refused := res.StatusCode == http.StatusSeeOther && res.Header.Get("Location") != "" && rt.Method == "GET" ||
					res.StatusCode == http.StatusForbidden || res.StatusCode == http.StatusUnauthorized
				if rt.Pattern == "/login" && rt.Method == "POST" {
					refused = res.StatusCode == http.StatusUnauthorized // empty credentials
					public = false
				}
				if public == refused {
					t.Errorf("%s %s anonymous: status %d, public=%v", rt.Method, path, res.StatusCode, rt.Access == web.Public)
				}
			}
		}
	})
}
