package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// TestLoginAnswersAlikeAndUnlock checks that an unknown user, a wrong
// password and a locked account get the same page, and that only a
// platform admin may lift a lock from the users page, audited.
func TestLoginAnswersAlikeAndUnlock(t *testing.T) {
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		login := func(username, password string) (int, string) {
			res, body := e.anonymous().post("/login", url.Values{"username": {username}, "password": {password}})
			return res.StatusCode, body
		}
		wantBad := func(what string, status int, body string) {
			t.Helper()
			if status != http.StatusUnauthorized || !strings.Contains(body, auth.ErrBadLogin.Message) || strings.Contains(body, "锁定") {
				t.Errorf("%s: status %d, want 401 with the one bad-login message", what, status)
			}
		}
		status, body := login("nobody", demoPassword)
		wantBad("unknown user", status, body)
		for i := 0; i < auth.DefaultPolicy.MaxFailures; i++ {
			status, body = login("spj-editor", "wrong password")
			wantBad("wrong password", status, body)
		}
		status, body = login("spj-editor", demoPassword)
		wantBad("locked account, right password", status, body)

		bureau := itoa(e.ids[demo.Bureau])
		unlock := "/office/a/" + bureau + "/users/" + itoa(e.users["spj-editor"]) + "/unlock"
		_, page := e.login("spj-admin").get("/office/a/" + bureau + "/users")
		if strings.Contains(page, "/unlock") || !strings.Contains(page, "登录已锁定") {
			t.Error("the agency admin's users page should show the lock without an unlock button")
		}
		if res, _ := e.login("spj-admin").post(unlock, url.Values{"confirm": {"1"}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("agency admin unlock: %d, want 403", res.StatusCode)
		}
		admin := e.login("admin")
		if _, page := admin.get("/office/a/" + bureau + "/users"); !strings.Contains(page, `action="`+unlock+`"`) {
			t.Error("the platform admin's users page lacks the unlock button")
		}
		before := auditCount(t, db)
		if res, _ := admin.post(unlock, url.Values{"confirm": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("platform admin unlock: %d", res.StatusCode)
		}
		es, err := db.AuditEntries(ctx, store.AuditFilter{Limit: 1})
		if err != nil || auditCount(t, db) != before+1 || es[0].Action != "user.unlock" || es[0].Actor != "admin" {
			t.Fatalf("unlock not audited: %+v %v", es, err)
		}
		if status, _ := login("spj-editor", demoPassword); status != http.StatusSeeOther {
			t.Errorf("login after unlock: %d", status)
		}
	})
}
