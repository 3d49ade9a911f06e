package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// TestSeedPublishesThe2019Report finds the bureau's 2019 report published
// on its historical date, 2020 still a draft for the approver, and the
// audit chain intact after the whole seed.
func TestSeedPublishesThe2019Report(t *testing.T) {
	t.Parallel()
	db := seeded.Open(t, store.SQLite)
	ctx := context.Background()
	bureau := bureauOf(t, db)
	years, err := db.PublishedYears(ctx, bureau.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(years) != 1 || years[0].Year != 2019 || !years[0].First.Equal(time.Date(2020, 1, 20, 1, 0, 0, 0, time.UTC)) {
		t.Fatalf("published years = %+v, want only 2019, published 2020-01-20", years)
	}
	if err := demo.Seed(ctx, db, cheapHashing, "demo-password-1"); err == nil {
		t.Fatal("a second seed into a database with agencies was accepted")
	}
	v := auditlog.NewVerifier()
	if err := db.WalkAudit(ctx, func(e auditlog.Entry) error { v.Add(e); return nil }); err != nil {
		t.Fatal(err)
	}
	if !v.OK() {
		t.Fatalf("audit chain after seeding: %v", v.Breaks)
	}
}

// cheapHashing keeps the demo users' password hashes cheap: these tests
// check what is seeded, not the cost of argon2id.
var cheapHashing = auth.Hashing{MemoryKiB: 64, Iterations: 1, Parallelism: 1}

// seeded is the demo data, seeded once per engine by demo.Seed and copied
// for each test.
var seeded = storetest.NewTemplate("demo", func(ctx context.Context, db *store.DB) error {
	return demo.Seed(ctx, db, cheapHashing, "demo-password-1")
})

// bureauOf returns the seed report's bureau in a copy of the demo data.
func bureauOf(t *testing.T, db *store.DB) *agency.Agency {
	t.Helper()
	ctx := context.Background()
	bureau, err := db.AgencyByNameOrCode(ctx, demo.Bureau)
	if err != nil {
		t.Fatal(err)
	}
	return bureau
}
