package auth_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func setup(t *testing.T, db *store.DB) (*auth.Service, *clock, *auth.User) {
	t.Helper()
	c := &clock{time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)}
	h, err := auth.HashPassword("right password")
	if err != nil {
		t.Fatal(err)
	}
	u := &auth.User{Username: "lisi", DisplayName: "李四", PasswordHash: h}
	if err := db.CreateUser(context.Background(), u, auditlog.Change{Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	return auth.NewService(db, auth.DefaultPolicy, c.now), c, u
}

func TestLoginAndLockout(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc, c, u := setup(t, db)
		if _, _, err := svc.Login(ctx, "nobody", "right password"); !errors.Is(err, errs.ErrUnauthenticated) {
			t.Fatalf("unknown user: %v", err)
		}
		for i := 0; i < auth.DefaultPolicy.MaxFailures; i++ {
			if _, _, err := svc.Login(ctx, "lisi", "wrong password"); !errors.Is(err, errs.ErrUnauthenticated) {
				t.Fatalf("wrong password %d: %v", i, err)
			}
		}
		_, _, err := svc.Login(ctx, "LiSi", "right password")
		if err == nil || errs.Message(err) == auth.ErrBadLogin.Message {
			t.Fatalf("locked account: err = %v, want the lockout message", err)
		}
		c.t = c.t.Add(auth.DefaultPolicy.LockFor + time.Second)
		secret, _, err := svc.Login(ctx, "LiSi", "right password")
		if err != nil {
			t.Fatalf("login after lock expired: %v", err)
		}
		p, _, err := svc.Authenticate(ctx, secret)
		if err != nil || p.User.ID != u.ID {
			t.Fatalf("Authenticate = %v, %v", p, err)
		}
		if err := db.SetDisabled(ctx, u.ID, true, auditlog.Change{Actor: "test"}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := svc.Authenticate(ctx, secret); !errors.Is(err, errs.ErrUnauthenticated) {
			t.Fatalf("disabled user's session still valid: %v", err)
		}
		if _, _, err := svc.Login(ctx, "lisi", "right password"); !errors.Is(err, errs.ErrUnauthenticated) {
			t.Fatalf("disabled user logged in: %v", err)
		}
	})
}

// TestConcurrentFailuresLock sends many wrong passwords and the right one
// at once: the count must not lose updates, so the account ends locked.
func TestConcurrentFailuresLock(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc, _, u := setup(t, db)
		var wg sync.WaitGroup
		for i := 0; i < 12; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				pw := "wrong password"
				if i == 6 {
					pw = "right password"
				}
				_, _, _ = svc.Login(ctx, "lisi", pw)
			}(i)
		}
		wg.Wait()
		got, err := db.User(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.LockedUntil.IsZero() || got.FailedLogins < auth.DefaultPolicy.MaxFailures {
			t.Fatalf("after 11 concurrent failures: failed_logins %d, locked_until %v", got.FailedLogins, got.LockedUntil)
		}
		if _, _, err := svc.Login(ctx, "lisi", "right password"); err == nil {
			t.Fatal("logged in to a locked account")
		}
	})
}

func TestSessionExpiryAndLogoutEverywhere(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc, c, _ := setup(t, db)
		a, _, err := svc.Login(ctx, "lisi", "right password")
		if err != nil {
			t.Fatal(err)
		}
		b, _, err := svc.Login(ctx, "lisi", "right password")
		if err != nil {
			t.Fatal(err)
		}
		c.t = c.t.Add(20 * time.Minute)
		p, sess, err := svc.Authenticate(ctx, a)
		if err != nil {
			t.Fatalf("session used within idle time: %v", err)
		}
		c.t = c.t.Add(20 * time.Minute) // b idle for 40 minutes, a for 20
		if _, _, err := svc.Authenticate(ctx, b); !errors.Is(err, errs.ErrUnauthenticated) {
			t.Fatalf("idle session still valid: %v", err)
		}
		if _, _, err := svc.Authenticate(ctx, a); err != nil {
			t.Fatalf("active session ended: %v", err)
		}
		if !auth.CheckCSRF(sess, sess.CSRF) || auth.CheckCSRF(sess, "forged") || auth.CheckCSRF(sess, "") {
			t.Fatal("CheckCSRF does not tell the session's token from a forged one")
		}
		if err := svc.LogoutEverywhere(ctx, p); err != nil {
			t.Fatal(err)
		}
		if _, _, err := svc.Authenticate(ctx, a); !errors.Is(err, errs.ErrUnauthenticated) {
			t.Fatalf("session survived logout everywhere: %v", err)
		}
		if _, _, err := svc.Authenticate(ctx, "gks_forged"); !errors.Is(err, errs.ErrUnauthenticated) {
			t.Fatalf("forged session: %v", err)
		}
	})
}

func TestAPITokenAuth(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc, _, u := setup(t, db)
		secret, hash := auth.NewToken("gka_")
		if err := db.CreateAPIToken(ctx, &auth.APIToken{UserID: u.ID, Name: "对接", TokenHash: hash}, auditlog.Change{Actor: "t"}); err != nil {
			t.Fatal(err)
		}
		p, err := svc.AuthenticateToken(ctx, secret)
		if err != nil || p.User.ID != u.ID {
			t.Fatalf("AuthenticateToken = %v, %v", p, err)
		}
		if _, err := svc.AuthenticateToken(ctx, secret+"x"); !errors.Is(err, errs.ErrUnauthenticated) {
			t.Fatalf("wrong token: %v", err)
		}
	})
}

// TestDisablingRevokesAPITokens checks that disabling a user revokes its
// tokens for good: re-enabling the user does not bring them back, while a
// token made afterwards works.
func TestDisablingRevokesAPITokens(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc, _, u := setup(t, db)
		newToken := func() string {
			secret, hash := auth.NewToken("gka_")
			if err := db.CreateAPIToken(ctx, &auth.APIToken{UserID: u.ID, Name: "对接", TokenHash: hash}, auditlog.Change{Actor: "t"}); err != nil {
				t.Fatal(err)
			}
			return secret
		}
		old := newToken()
		if _, err := svc.AuthenticateToken(ctx, old); err != nil {
			t.Fatalf("token before disabling: %v", err)
		}
		for _, disabled := range []bool{true, false} {
			if err := db.SetDisabled(ctx, u.ID, disabled, auditlog.Change{Actor: "t"}); err != nil {
				t.Fatal(err)
			}
			if _, err := svc.AuthenticateToken(ctx, old); !errors.Is(err, errs.ErrUnauthenticated) {
				t.Fatalf("token of a user disabled, then disabled=%v: %v", disabled, err)
			}
		}
		tokens, err := db.APITokens(ctx, u.ID)
		if err != nil || len(tokens) != 1 || tokens[0].RevokedAt.IsZero() {
			t.Fatalf("tokens after disabling: %+v, %v", tokens, err)
		}
		if _, err := svc.AuthenticateToken(ctx, newToken()); err != nil {
			t.Fatalf("token made after re-enabling: %v", err)
		}
		es, err := db.AuditEntries(ctx, store.AuditFilter{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range es {
			found = found || strings.Contains(e.After, `"revoked_api_tokens":1`)
		}
		if !found {
			t.Errorf("no audit entry records the revoked token")
		}
	})
}
