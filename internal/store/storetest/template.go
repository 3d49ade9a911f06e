package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/gongkai/gongkai/internal/store"
)

// Template is a database prepared once per test binary and engine
// (migrated, then filled), and copied for every test that opens it: a file
// copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL. A test gets the
// same records it would get by migrating and filling a database itself, in
// a fraction of the time, and changes only its own copy.
type Template struct {
	name string
	fill func(ctx context.Context, db *store.DB) error

	mu    sync.Mutex
	built map[store.Dialect]*built
}

// built is a template of one engine, made on first use.
type built struct {
	once sync.Once
	err  error
	file string // SQLite: the template database file
	pg   string // PostgreSQL: the template database's name
}

// NewTemplate returns a template filled by fill after migrating; a nil
// fill leaves it migrated and empty. The name appears in error messages.
// Test binaries that use templates run their tests through Main, which
// removes the templates at the end.
func NewTemplate(name string, fill func(ctx context.Context, db *store.DB) error) *Template {
	return &Template{name: name, fill: fill, built: map[store.Dialect]*built{}}
}

// migrated is the template behind Open: migrated and empty.
var migrated = NewTemplate("migrated", nil)

// made lists what the templates of this test binary left behind, for Main
// to remove: SQLite folders and PostgreSQL databases.
var made struct {
	mu      sync.Mutex
	dirs    []string
	pgNames []string
}

// Main runs the tests of m, then removes the templates they made. Call it
// from TestMain: os.Exit(storetest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	made.mu.Lock()
	defer made.mu.Unlock()
	for _, d := range made.dirs {
		os.RemoveAll(d)
	}
	dropTemplates(made.pgNames)
	return code
}

// Open returns a copy of the template on engine d, removed when the test
// ends.
func (tpl *Template) Open(t testing.TB, d store.Dialect) *store.DB {
	t.Helper()
	b := tpl.build(t, d)
	ctx := context.Background()
	cfg := store.Config{DataDir: t.TempDir()}
	if d == store.Postgres {
		cfg.DSN = clonePostgres(t, b.pg)
	} else if err := copyFile(b.file, filepath.Join(cfg.DataDir, "gongkai.db")); err != nil {
		t.Fatalf("copy the %s template: %v", tpl.name, err)
	}
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("open %s: %v", d, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// ForEach runs fn once per engine, each on its own copy of the template.
// The engines run in parallel: fn must not share what it changes between
// the two runs, and the caller must not run anything after ForEach.
func (tpl *Template) ForEach(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	for _, d := range Dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			fn(t, tpl.Open(t, d))
		})
	}
}

// build makes the template of engine d on first use. A failure is
// remembered, so every test that needs the template fails with it.
func (tpl *Template) build(t testing.TB, d store.Dialect) *built {
	t.Helper()
	if d == store.Postgres {
		requirePostgres(t) // skips (or fails) each test, not only the first
	}
	b := tpl.prepare(d)
	if b.err != nil {
		t.Fatalf("the %s template on %s: %v", tpl.name, d, b.err)
	}
	return b
}

// prepare makes the template of engine d once. A filled template starts
// from a copy of the migrated one rather than migrating again.
func (tpl *Template) prepare(d store.Dialect) *built {
	tpl.mu.Lock()
	b := tpl.built[d]
	if b == nil {
		b = &built{}
		tpl.built[d] = b
	}
	tpl.mu.Unlock()
	b.once.Do(func() {
		var base *built
		if tpl != migrated {
			if base = migrated.prepare(d); base.err != nil {
				b.err = base.err
				return
			}
		}
		if d == store.Postgres {
			b.pg, b.err = tpl.buildPostgres(base)
		} else {
			b.file, b.err = tpl.buildSQLite(base)
		}
	})
	return b
}

// buildSQLite migrates and fills a database in a folder of its own,
// starting from a copy of base when there is one, and keeps a compact copy
// of it (VACUUM INTO), the file every test copies.
func (tpl *Template) buildSQLite(base *built) (string, error) {
	dir, err := os.MkdirTemp("", "gongkai-template-")
	if err != nil {
		return "", err
	}
	made.mu.Lock()
	made.dirs = append(made.dirs, dir)
	made.mu.Unlock()
	ctx := context.Background()
	dataDir := filepath.Join(dir, "build")
	if base != nil {
		if err := os.Mkdir(dataDir, 0o700); err != nil {
			return "", err
		}
		if err := copyFile(base.file, filepath.Join(dataDir, "gongkai.db")); err != nil {
			return "", err
		}
	}
	db, err := store.Open(ctx, store.Config{DataDir: dataDir})
	if err != nil {
		return "", err
	}
	defer db.Close()
	if err := tpl.migrateAndFill(ctx, db); err != nil {
		return "", err
	}
	if _, err := os.Stat(db.BlobDir()); err == nil {
		return "", fmt.Errorf("the fill stored files in %s, which copies of the template would not have", db.BlobDir())
	}
	file := filepath.Join(dir, "template.db")
	if err := db.Backup(ctx, file); err != nil {
		return "", err
	}
	return file, nil
}

func (tpl *Template) migrateAndFill(ctx context.Context, db *store.DB) error {
	if _, err := db.Migrate(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if tpl.fill != nil {
		if err := tpl.fill(ctx, db); err != nil {
			return fmt.Errorf("fill: %w", err)
		}
	}
	return nil
}

// copyFile copies the file src to dst, readable by the owner only, as the
// store keeps its database.
func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o600)
}

// randomSuffix returns 12 random hex digits for a database name.
func randomSuffix() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}
