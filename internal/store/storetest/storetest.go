// Package storetest opens real, migrated databases for tests: a SQLite file
// in a temporary folder, and a database of its own in the PostgreSQL server
// named by GONGKAI_TEST_POSTGRES. Each is a copy of a template migrated (and
// optionally filled) once per test binary, so a test pays for a file copy
// or a CREATE DATABASE … TEMPLATE, not for every migration. Tests that need
// PostgreSQL skip loudly when no server is reachable, and fail instead when
// GONGKAI_REQUIRE_POSTGRES=1 (as in CI).
package storetest

import (
	"database/sql"
	"net/url"
	"testing"

	"github.com/gongkai/gongkai/internal/store"
)

// DefaultPostgres is the server tried when GONGKAI_TEST_POSTGRES is unset.
const DefaultPostgres = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// Dialects lists the engines every store test runs on.
var Dialects = []store.Dialect{store.SQLite, store.Postgres}

// ForEach runs fn once per engine, each on its own empty database.
func ForEach(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	migrated.ForEach(t, fn)
}

// Open returns a migrated, empty database of the given engine, removed
// when the test ends: a copy of a database migrated once per test binary.
func Open(t testing.TB, d store.Dialect) *store.DB {
	t.Helper()
	return migrated.Open(t, d)
}

// PostgresDSN returns a DSN for a new, empty schema in the test server,
// dropped when the test ends.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	requirePostgres(t)
	admin, err := sql.Open("pgx", baseDSN())
	if err != nil {
		t.Fatalf("GONGKAI_TEST_POSTGRES: %v", err)
	}
	schema := "t_" + randomSuffix()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		admin.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	})
	u, err := url.Parse(baseDSN())
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
