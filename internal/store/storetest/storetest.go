// Package storetest opens real, empty, migrated databases for tests: a
// SQLite file in a temporary folder, and a fresh schema in the PostgreSQL
// server named by GONGKAI_TEST_POSTGRES. Tests that need PostgreSQL skip
// loudly when no server is reachable, and fail instead when
// GONGKAI_REQUIRE_POSTGRES=1 (as in CI).
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/testenv"
)

// DefaultPostgres is the server tried when GONGKAI_TEST_POSTGRES is unset.
const DefaultPostgres = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// Dialects lists the engines every store test runs on.
var Dialects = []store.Dialect{store.SQLite, store.Postgres}

// ForEach runs fn once per engine, each on its own empty database.
func ForEach(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	for _, d := range Dialects {
		t.Run(string(d), func(t *testing.T) {
			fn(t, Open(t, d))
		})
	}
}

// Open returns a migrated, empty database of the given engine, removed
// when the test ends.
func Open(t testing.TB, d store.Dialect) *store.DB {
	t.Helper()
	ctx := context.Background()
	cfg := store.Config{DataDir: t.TempDir()}
	if d == store.Postgres {
		cfg.DSN = postgresSchema(t)
	}
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("open %s: %v", d, err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate %s: %v", d, err)
	}
	return db
}

// PostgresDSN returns a DSN for a new, empty schema in the test server,
// dropped when the test ends.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	return postgresSchema(t)
}

func postgresSchema(t testing.TB) string {
	t.Helper()
	base := os.Getenv("GONGKAI_TEST_POSTGRES")
	if base == "" {
		base = DefaultPostgres
	}
	admin, err := sql.Open("pgx", base)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = admin.PingContext(ctx)
		cancel()
	}
	if err != nil {
		if admin != nil {
			admin.Close()
		}
		testenv.Skip(t, "GONGKAI_REQUIRE_POSTGRES", fmt.Sprintf(
			"the PostgreSQL half of the store tests: no server at %s (%v); set GONGKAI_TEST_POSTGRES", redact(base), err))
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		admin.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("GONGKAI_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unparsable DSN)"
	}
	return u.Redacted()
}
