package storetest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/testenv"
)

// reachable remembers whether the test server answered, so each test of
// the binary skips or fails the same way without asking again.
var reachable struct {
	once sync.Once
	err  error
}

// baseDSN is the test server: GONGKAI_TEST_POSTGRES or DefaultPostgres.
func baseDSN() string {
	if base := os.Getenv("GONGKAI_TEST_POSTGRES"); base != "" {
		return base
	}
	return DefaultPostgres
}

// requirePostgres skips t loudly when the test server does not answer,
// and fails it when GONGKAI_REQUIRE_POSTGRES=1.
func requirePostgres(t testing.TB) {
	t.Helper()
	reachable.once.Do(func() {
		admin, err := sql.Open("pgx", baseDSN())
		if err != nil {
			reachable.err = err
			return
		}
		defer admin.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		reachable.err = admin.PingContext(ctx)
	})
	if reachable.err != nil {
		testenv.Skip(t, "GONGKAI_REQUIRE_POSTGRES", fmt.Sprintf(
			"the PostgreSQL half of the store tests: no server at %s (%v); set GONGKAI_TEST_POSTGRES", redact(baseDSN()), reachable.err))
	}
}

// databaseDSN returns the test server's DSN for the database name. Commits
// do not wait for the disk (synchronous_commit off): a test database never
// outlives a crash, and the tests make thousands of small transactions.
func databaseDSN(name string) (string, error) {
	u, err := url.Parse(baseDSN())
	if err != nil {
		return "", fmt.Errorf("GONGKAI_TEST_POSTGRES: %w", err)
	}
	u.Path = "/" + name
	q := u.Query()
	q.Set("synchronous_commit", "off")
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// Names of the databases the templates make: gkt_ for a template, gkc_ for
// a test's copy, then the Unix time of creation and a random suffix. The
// time lets a later run drop what a killed run left behind.
var ourDatabase = regexp.MustCompile(`^gk[tc]_([0-9]+)_[0-9a-f]{12}$`)

func databaseName(prefix string) string {
	return fmt.Sprintf("%s_%d_%s", prefix, time.Now().Unix(), randomSuffix())
}

// staleAfter is the age at which a template or copy is surely left over
// from a test binary that was killed before it could drop it.
const staleAfter = 3 * time.Hour

var swept sync.Once

// sweepStale drops the template databases and copies older than
// staleAfter.
func sweepStale(ctx context.Context, admin *sql.DB) {
	rows, err := admin.QueryContext(ctx, `SELECT datname FROM pg_database WHERE datname LIKE 'gk%'`)
	if err != nil {
		return
	}
	var stale []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) != nil {
			continue
		}
		m := ourDatabase.FindStringSubmatch(name)
		if m == nil {
			continue
		}
		if sec, err := strconv.ParseInt(m[1], 10, 64); err == nil && time.Since(time.Unix(sec, 0)) > staleAfter {
			stale = append(stale, name)
		}
	}
	rows.Close()
	for _, name := range stale {
		admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
	}
}

// buildPostgres creates the template database (a copy of base when there
// is one), migrates and fills it, and closes every connection to it, since
// PostgreSQL copies only a database nobody is connected to.
func (tpl *Template) buildPostgres(base *built) (string, error) {
	ctx := context.Background()
	admin, err := sql.Open("pgx", baseDSN())
	if err != nil {
		return "", err
	}
	defer admin.Close()
	swept.Do(func() { sweepStale(ctx, admin) })
	name := databaseName("gkt")
	create := `CREATE DATABASE ` + name
	if base != nil {
		create += ` TEMPLATE ` + base.pg
	}
	if err := createDatabase(ctx, admin, create); err != nil {
		return "", fmt.Errorf("create the template database: %w", err)
	}
	made.mu.Lock()
	made.pgNames = append(made.pgNames, name)
	made.mu.Unlock()
	dsn, err := databaseDSN(name)
	if err != nil {
		return "", err
	}
	db, err := store.Open(ctx, store.Config{DSN: dsn})
	if err != nil {
		return "", err
	}
	err = tpl.migrateAndFill(ctx, db)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return name, err
}

// clonePostgres creates a copy of the template database for t, dropped
// when the test ends, and returns its DSN.
func clonePostgres(t testing.TB, template string) string {
	t.Helper()
	ctx := context.Background()
	admin, err := sql.Open("pgx", baseDSN())
	if err != nil {
		t.Fatalf("GONGKAI_TEST_POSTGRES: %v", err)
	}
	name := databaseName("gkc")
	if err := createDatabase(ctx, admin, `CREATE DATABASE `+name+` TEMPLATE `+template); err != nil {
		admin.Close()
		t.Fatalf("copy the template database %s: %v", template, err)
	}
	t.Cleanup(func() {
		admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		admin.Close()
	})
	dsn, err := databaseDSN(name)
	if err != nil {
		t.Fatal(err)
	}
	return dsn
}

// createDatabase runs a CREATE DATABASE statement. A template's last
// connections may still be closing on the server (object_in_use); they
// are gone within moments, so it tries again for up to five seconds.
func createDatabase(ctx context.Context, admin *sql.DB, create string) error {
	for attempt := 0; ; attempt++ {
		_, err := admin.ExecContext(ctx, create)
		var pgErr *pgconn.PgError
		if err == nil || !errors.As(err, &pgErr) || pgErr.Code != "55006" || attempt == 100 {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// dropTemplates drops the template databases named.
func dropTemplates(names []string) {
	if len(names) == 0 {
		return
	}
	admin, err := sql.Open("pgx", baseDSN())
	if err != nil {
		return
	}
	defer admin.Close()
	for _, name := range names {
		admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
	}
}
