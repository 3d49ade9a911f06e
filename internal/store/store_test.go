package store_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

var sys = auditlog.Change{Actor: "system", Action: "test"}

func mustAgency(t *testing.T, db *store.DB, name, code string, parent int64) *agency.Agency {
	t.Helper()
	a := &agency.Agency{Name: name, Code: code, Kind: agency.Department, ParentID: parent}
	if parent == 0 {
		a.Kind = agency.Government
	}
	if err := db.CreateAgency(context.Background(), a, sys); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAgencies(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		city := mustAgency(t, db, "长治市人民政府", "0142700-1", 0)
		bureau := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", city.ID)

		got, err := db.AgencyByNameOrCode(ctx, "0142768-8")
		if err != nil || got.Name != bureau.Name || got.ParentID != city.ID || got.Kind != agency.Department {
			t.Fatalf("AgencyByNameOrCode = %+v, %v", got, err)
		}
		if _, err := db.AgencyByNameOrCode(ctx, "nope"); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("unknown agency: err = %v, want ErrNotFound", err)
		}
		dup := &agency.Agency{Name: "长治市人民政府", Code: "x1", Kind: agency.Government}
		if err := db.CreateAgency(ctx, dup, sys); !errors.Is(err, errs.ErrConflict) {
			t.Fatalf("duplicate name: err = %v, want ErrConflict", err)
		}
		orphan := &agency.Agency{Name: "孤儿局", Code: "x2", Kind: agency.Department, ParentID: 9999}
		if err := db.CreateAgency(ctx, orphan, sys); !errors.Is(err, errs.ErrInvalid) {
			t.Fatalf("unknown parent: err = %v, want ErrInvalid", err)
		}
		city.ParentID = bureau.ID
		if err := db.UpdateAgency(ctx, city, sys); !errors.Is(err, errs.ErrInvalid) {
			t.Fatalf("cycle: err = %v, want ErrInvalid", err)
		}
		bureau.Office = "局办公室"
		bureau.Hours = "工作日 9:00-17:00"
		if err := db.UpdateAgency(ctx, bureau, sys); err != nil {
			t.Fatal(err)
		}
		all, err := db.Agencies(ctx)
		if err != nil || len(all) != 2 || all[1].Office != "局办公室" {
			t.Fatalf("Agencies = %+v, %v", all, err)
		}
	})
}

func TestUsersRolesSessions(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		city := mustAgency(t, db, "长治市人民政府", "0142700-1", 0)
		u := &auth.User{Username: "zhangsan", DisplayName: "张三", PasswordHash: "h"}
		if err := db.CreateUser(ctx, u, sys); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateUser(ctx, &auth.User{Username: "ZhangSan", DisplayName: "x", PasswordHash: "h"}, sys); !errors.Is(err, errs.ErrConflict) {
			t.Fatalf("duplicate username: err = %v, want ErrConflict", err)
		}
		for _, g := range []auth.Grant{{Role: auth.Editor, AgencyID: city.ID}, {Role: auth.PlatformAdmin}} {
			if err := db.Grant(ctx, u.ID, g, sys); err != nil {
				t.Fatalf("grant %v: %v", g, err)
			}
		}
		if err := db.Grant(ctx, u.ID, auth.Grant{Role: auth.PlatformAdmin}, sys); !errors.Is(err, errs.ErrConflict) {
			t.Fatalf("second platform admin grant: err = %v, want ErrConflict", err)
		}
		if err := db.Grant(ctx, u.ID, auth.Grant{Role: auth.Editor, AgencyID: 999}, sys); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("grant in unknown agency: err = %v, want ErrNotFound", err)
		}
		gs, err := db.Grants(ctx, u.ID)
		if err != nil || len(gs) != 2 {
			t.Fatalf("Grants = %v, %v", gs, err)
		}
		if err := db.Revoke(ctx, u.ID, auth.Grant{Role: auth.Editor, AgencyID: city.ID}, sys); err != nil {
			t.Fatal(err)
		}
		if err := db.Revoke(ctx, u.ID, auth.Grant{Role: auth.Editor, AgencyID: city.ID}, sys); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("revoke twice: err = %v", err)
		}
		users, err := db.Users(ctx, []int64{city.ID})
		if err != nil || len(users) != 0 {
			t.Fatalf("Users(city) after revoke = %v, %v", users, err)
		}

		now := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
		s := &auth.Session{TokenHash: "abc", UserID: u.ID, CSRF: "c", CreatedAt: now, LastSeenAt: now}
		if err := db.StartSession(ctx, s, sys); err != nil {
			t.Fatal(err)
		}
		if err := db.TouchSession(ctx, "abc", now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		got, err := db.Session(ctx, "abc")
		if err != nil || !got.LastSeenAt.Equal(now.Add(time.Minute)) || !got.CreatedAt.Equal(now) {
			t.Fatalf("Session = %+v, %v", got, err)
		}
		if err := db.SetPassword(ctx, u.ID, "h2", sys); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Session(ctx, "abc"); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("session survived a password change: %v", err)
		}

		lock := now.Add(15 * time.Minute)
		lockAtTwo := func(n int) time.Duration { return map[bool]time.Duration{true: 15 * time.Minute}[n >= 2] }
		for i := 1; i <= 3; i++ {
			if err := db.RecordLoginFailure(ctx, u.ID, now, lockAtTwo, sys); err != nil {
				t.Fatalf("failure %d: %v", i, err)
			}
		}
		got2, _ := db.User(ctx, u.ID)
		if got2.FailedLogins != 2 || !got2.LockedUntil.Equal(lock) || got2.PasswordHash != "h2" {
			t.Fatalf("after failures (the third while locked, not counted): %+v", got2)
		}
		s2 := &auth.Session{TokenHash: "def", UserID: u.ID, CSRF: "c", CreatedAt: now, LastSeenAt: now}
		if err := db.StartSession(ctx, s2, sys); !errors.Is(err, auth.ErrAccountLocked) {
			t.Fatalf("session started on a locked account: %v", err)
		}
		s2.CreatedAt = lock.Add(time.Second)
		if err := db.StartSession(ctx, s2, sys); err != nil {
			t.Fatalf("session after the lock expired: %v", err)
		}
		got2, _ = db.User(ctx, u.ID)
		if got2.FailedLogins != 0 || !got2.LockedUntil.IsZero() {
			t.Fatalf("after success: %+v", got2)
		}
		if err := db.EndSessions(ctx, u.ID, "", sys); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Session(ctx, "def"); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("session survived EndSessions: %v", err)
		}
	})
}

// TestAddressFailures counts failed logins per address within a window.
func TestAddressFailures(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)
		window := 15 * time.Minute
		count := func(addr string, at time.Time) int {
			n, err := db.AddressFailures(ctx, addr, at.Add(-window))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		record := func(addr string, at time.Time) {
			if err := db.RecordAddressFailure(ctx, addr, at, at.Add(-window)); err != nil {
				t.Fatal(err)
			}
		}
		for i := 0; i < 3; i++ {
			record("192.0.2.1", now.Add(time.Duration(i)*time.Minute))
		}
		record("2001:db8::1", now)
		tests := []struct {
			addr string
			at   time.Time
			want int
		}{
			{"192.0.2.1", now.Add(5 * time.Minute), 3},
			{"2001:db8::1", now.Add(5 * time.Minute), 1},
			{"192.0.2.2", now, 0},
			{"192.0.2.1", now.Add(window + time.Minute), 0}, // the window began 16 minutes ago
		}
		for _, tt := range tests {
			if got := count(tt.addr, tt.at); got != tt.want {
				t.Errorf("%s at %v: %d failures, want %d", tt.addr, tt.at, got, tt.want)
			}
		}
		later := now.Add(window + time.Minute)
		record("192.0.2.1", later) // a new window
		if got := count("192.0.2.1", later); got != 1 {
			t.Errorf("new window: %d failures, want 1", got)
		}
	})
}

// TestCreateUserWithRolesIsAtomic leaves no user behind when its first
// role cannot be granted.
func TestCreateUserWithRolesIsAtomic(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := &auth.User{Username: "half", DisplayName: "半", PasswordHash: "h"}
		if err := db.CreateUser(ctx, u, sys, auth.Grant{Role: auth.Editor, AgencyID: 4242}); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("grant in a missing agency: %v", err)
		}
		if _, err := db.UserByUsername(ctx, "half"); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("the user was kept without its role: %v", err)
		}
	})
}

func TestAPITokens(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := &auth.User{Username: "api", DisplayName: "接口", PasswordHash: "h"}
		if err := db.CreateUser(ctx, u, sys); err != nil {
			t.Fatal(err)
		}
		secret, hash := auth.NewToken("gka_")
		tok := &auth.APIToken{UserID: u.ID, Name: "统计平台", TokenHash: hash}
		if err := db.CreateAPIToken(ctx, tok, sys); err != nil {
			t.Fatal(err)
		}
		got, err := db.APITokenByHash(ctx, auth.HashToken(secret))
		if err != nil || got.ID != tok.ID {
			t.Fatalf("APITokenByHash = %+v, %v", got, err)
		}
		if err := db.RevokeAPIToken(ctx, u.ID, tok.ID, sys); err != nil {
			t.Fatal(err)
		}
		if _, err := db.APITokenByHash(ctx, hash); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("revoked token still valid: %v", err)
		}
	})
}

func TestAuditChain(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		city := mustAgency(t, db, "长治市人民政府", "0142700-1", 0)
		mustAgency(t, db, "长治市教育局", "0142701-2", city.ID)
		// The request's client address comes with the context.
		reqCtx := auditlog.WithClient(ctx, "2001:db8::9")
		if err := db.Record(reqCtx, auditlog.Change{Actor: "admin", Action: "login", AgencyID: city.ID}); err != nil {
			t.Fatal(err)
		}
		// A failed change leaves no audit entry behind.
		_ = db.CreateAgency(ctx, &agency.Agency{Name: "长治市教育局", Code: "zz", Kind: agency.Department}, sys)

		v := auditlog.NewVerifier()
		if err := db.WalkAudit(ctx, func(e auditlog.Entry) error { v.Add(e); return nil }); err != nil {
			t.Fatal(err)
		}
		if !v.OK() || v.Count != 3 {
			t.Fatalf("chain: ok=%v count=%d breaks=%v", v.OK(), v.Count, v.Breaks)
		}
		es, err := db.AuditEntries(ctx, store.AuditFilter{AgencyIDs: []int64{city.ID}})
		if err != nil || len(es) != 2 || es[0].Action != "login" || es[0].Client != "2001:db8::9" || es[1].Client != "" {
			t.Fatalf("AuditEntries(city) = %+v, %v", es, err)
		}
		tamper := `UPDATE audit_log SET after = '{"name":"改过"}' WHERE seq = 2`
		if err := db.Exec(ctx, tamper); err == nil {
			t.Fatal("the append-only trigger let an update through")
		}
		drop := `DROP TRIGGER audit_log_no_update`
		if db.Dialect() == store.Postgres {
			drop = `DROP TRIGGER audit_log_append_only ON audit_log`
		}
		if err := db.Exec(ctx, drop); err != nil {
			t.Fatal(err)
		}
		if err := db.Exec(ctx, tamper); err != nil {
			t.Fatal(err)
		}
		v = auditlog.NewVerifier()
		if err := db.WalkAudit(ctx, func(e auditlog.Entry) error { v.Add(e); return nil }); err != nil {
			t.Fatal(err)
		}
		if v.OK() || v.Breaks[0].Seq != 2 {
			t.Fatalf("tampering not detected at seq 2: %v", v.Breaks)
		}
	})
}

// TestExclusively runs two holders of one lock at once and finds them
// taking turns.
func TestExclusively(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var inside, overlaps atomic.Int32
		var wg sync.WaitGroup
		for i := 0; i < 4; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := db.Exclusively(ctx, "test", func(context.Context) error {
					if inside.Add(1) > 1 {
						overlaps.Add(1)
					}
					time.Sleep(20 * time.Millisecond)
					inside.Add(-1)
					return nil
				})
				if err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if db.Dialect() == store.Postgres && overlaps.Load() != 0 {
			t.Fatalf("%d holders overlapped", overlaps.Load())
		}
	})
}
