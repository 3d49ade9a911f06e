package auth_test

import (
	"context"
	"errors"
	"fmt"
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

// policy is the default policy with cheap password hashes, so the many
// logins of these tests do not each spend 64 MiB and a pass of argon2id.
func policy() auth.Policy {
	p := auth.DefaultPolicy
	p.Hashing = auth.Hashing{MemoryKiB: 64, Iterations: 1, Parallelism: 1}
	return p
}

func setup(t *testing.T, db *store.DB) (*auth.Service, *clock, *auth.User) {
	t.Helper()
	c := &clock{time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)}
	h, err := policy().Hashing.Hash("right password")
	if err != nil {
		t.Fatal(err)
	}
	u := &auth.User{Username: "lisi", DisplayName: "李四", PasswordHash: h}
	if err := db.CreateUser(context.Background(), u, auditlog.Change{Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	return auth.NewService(db, policy(), c.now), c, u
}

func TestLoginAndLockout(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc, c, u := setup(t, db)
		const addr = "192.0.2.1"
		if _, _, err := svc.Login(ctx, "nobody", "right password", addr); err != auth.ErrBadLogin {
			t.Fatalf("unknown user: %v", err)
		}
		for i := 0; i < auth.DefaultPolicy.MaxFailures; i++ {
			if _, _, err := svc.Login(ctx, "lisi", "wrong password", addr); err != auth.ErrBadLogin {
				t.Fatalf("wrong password %d: %v", i, err)
			}
		}
		// Locked: the right password gets the very answer of a wrong one.
		if _, _, err := svc.Login(ctx, "LiSi", "right password", addr); err != auth.ErrBadLogin {
			t.Fatalf("locked account: err = %v, want the one bad-login answer", err)
		}
		c.t = c.t.Add(auth.DefaultPolicy.LockFor + time.Second)
		secret, _, err := svc.Login(ctx, "LiSi", "right password", addr)
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
		if _, _, err := svc.Login(ctx, "lisi", "right password", addr); err != auth.ErrBadLogin {
			t.Fatalf("disabled user logged in: %v", err)
		}
	})
}

func TestLockDelayDoublesUpToTheCap(t *testing.T) {
	p := auth.Policy{MaxFailures: 5, LockFor: time.Minute, MaxLock: time.Hour}
	tests := []struct {
		failures int
		want     time.Duration
	}{
		{0, 0}, {4, 0}, {5, time.Minute}, {6, 2 * time.Minute}, {7, 4 * time.Minute},
		{10, 32 * time.Minute}, {11, time.Hour}, {12, time.Hour}, {1000, time.Hour},
	}
	for _, tt := range tests {
		if got := p.LockDelay(tt.failures); got != tt.want {
			t.Errorf("LockDelay(%d) = %v, want %v", tt.failures, got, tt.want)
		}
	}
}

// TestLockBackoff checks that each failure after a lock ends doubles the
// next lock, that failures during a lock are not counted (nobody can keep
// the account locked by trying on), and that a platform admin's unlock
// lifts the lock at once.
func TestLockBackoff(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc, c, u := setup(t, db)
		pol := auth.DefaultPolicy
		lockedFor := func() time.Duration {
			got, err := db.User(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Locked(c.t) {
				return 0
			}
			return got.LockedUntil.Sub(c.t)
		}
		// Each address stays below its own limit.
		addr := func(i int) string { return fmt.Sprintf("198.51.100.%d", i) }
		for i := 0; i < pol.MaxFailures; i++ {
			svc.Login(ctx, "lisi", "wrong password", addr(i))
		}
		if got := lockedFor(); got != pol.LockFor {
			t.Fatalf("locked for %v after %d failures, want %v", got, pol.MaxFailures, pol.LockFor)
		}
		for i := 0; i < 30; i++ { // during the lock: not counted
			svc.Login(ctx, "lisi", "wrong password", addr(i))
		}
		if got, _ := db.User(ctx, u.ID); got.FailedLogins != pol.MaxFailures {
			t.Fatalf("failures during the lock counted: %d", got.FailedLogins)
		}
		want := pol.LockFor
		for i := 0; i < 8; i++ {
			c.t = c.t.Add(lockedFor() + time.Second)
			svc.Login(ctx, "lisi", "wrong password", addr(100+i))
			want = min(2*want, pol.MaxLock)
			if got := lockedFor(); got != want {
				t.Fatalf("lock %d: %v, want %v", i+2, got, want)
			}
		}
		if err := db.UnlockUser(ctx, u.ID, auditlog.Change{Actor: "admin", Action: "user.unlock"}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := svc.Login(ctx, "lisi", "right password", addr(1)); err != nil {
			t.Fatalf("login after unlock: %v", err)
		}
	})
}

// TestAddressThrottle checks that an address with too many failed logins
// is refused before any password check, that its refused attempts count
// against no account, and that it may try again once the window passed.
func TestAddressThrottle(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		_, c, u := setup(t, db)
		pol := auth.DefaultPolicy
		pol.MaxFailures = 100 // only the address limit acts here
		svc := auth.NewService(db, pol, c.now)
		const stranger, colleague = "203.0.113.9", "203.0.113.10"
		for i := 0; i < pol.AddressFailures; i++ {
			if _, _, err := svc.Login(ctx, "nobody", "guess", stranger); err != auth.ErrBadLogin {
				t.Fatalf("failure %d: %v", i, err)
			}
		}
		for _, pw := range []string{"guess", "right password"} {
			if _, _, err := svc.Login(ctx, "lisi", pw, stranger); err != auth.ErrThrottled {
				t.Fatalf("throttled address, password %q: %v", pw, err)
			}
		}
		if got, _ := db.User(ctx, u.ID); got.FailedLogins != 0 {
			t.Fatalf("a throttled address's attempts counted against the account: %d", got.FailedLogins)
		}
		if _, _, err := svc.Login(ctx, "lisi", "right password", colleague); err != nil {
			t.Fatalf("another address is throttled too: %v", err)
		}
		c.t = c.t.Add(pol.AddressWindow + time.Second)
		if _, _, err := svc.Login(ctx, "lisi", "right password", stranger); err != nil {
			t.Fatalf("after the window: %v", err)
		}
	})
}

// TestConcurrentFailuresLock sends many wrong passwords and the right one
// at once: the count must not lose updates, so the account ends locked.
func TestConcurrentFailuresLock(t *testing.T) {
	t.Parallel()
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
				_, _, _ = svc.Login(ctx, "lisi", pw, "192.0.2.7")
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
		if _, _, err := svc.Login(ctx, "lisi", "right password", "192.0.2.1"); err == nil {
			t.Fatal("logged in to a locked account")
		}
	})
}

func TestSessionExpiryAndLogoutEverywhere(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc, c, _ := setup(t, db)
		a, _, err := svc.Login(ctx, "lisi", "right password", "192.0.2.1")
		if err != nil {
			t.Fatal(err)
		}
		b, _, err := svc.Login(ctx, "lisi", "right password", "192.0.2.1")
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
	t.Parallel()
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
