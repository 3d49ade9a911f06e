// Package store keeps gongkai's records in SQLite (embedded, the default) or
// PostgreSQL. It is the only package that knows SQL. The same methods and the
// same tests run on both databases.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/jmoiron/sqlx"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// Dialect names the database engine behind a DB.
type Dialect string

// The supported engines.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

//go:embed migrations
var migrations embed.FS

// DB is the store. On SQLite it holds one writer connection and a pool of
// readers; on PostgreSQL both point at one pool.
type DB struct {
	dialect Dialect
	write   *sqlx.DB
	read    *sqlx.DB
	// Path is the SQLite database file, "" on PostgreSQL.
	Path string
	// Now is the clock; tests replace it.
	Now func() time.Time
	// Log, when set, hears about long maintenance work such as rebuilding
	// the search index.
	Log *slog.Logger
}

// Config says which database to open.
type Config struct {
	// DSN is a postgres:// or postgresql:// URL; empty means SQLite in DataDir.
	DSN string
	// DataDir is the data folder; the SQLite file is DataDir/gongkai.db.
	DataDir string
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to the database named by cfg. It does not migrate; call
// Migrate.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	if cfg.DSN != "" && !IsPostgres(cfg.DSN) {
		return nil, fmt.Errorf("store: --db must be a postgres:// URL, or empty for SQLite in the data folder")
	}
	if IsPostgres(cfg.DSN) {
		return openPostgres(ctx, cfg.DSN)
	}
	return openSQLite(ctx, cfg.DataDir)
}

func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	db, err := sqlx.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(10)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connect to postgres: %w", err)
	}
	return &DB{dialect: Postgres, write: db, read: db, Now: time.Now}, nil
}

func openSQLite(ctx context.Context, dir string) (*DB, error) {
	if dir == "" {
		dir = "data"
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("store: create data folder: %w", err)
	}
	path := filepath.Join(dir, "gongkai.db")
	pragmas := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_time_format=sqlite"
	w, err := sqlx.Open("sqlite", "file:"+path+"?_txlock=immediate&"+pragmas)
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	w.SetMaxOpenConns(1) // SQLite has one writer; queueing here beats SQLITE_BUSY
	r, err := sqlx.Open("sqlite", "file:"+path+"?_pragma=query_only(1)&"+pragmas)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open sqlite readers: %w", err)
	}
	r.SetMaxOpenConns(8)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("store: open sqlite %s: %w", path, err)
	}
	// The database holds applicants' personal data: readable by the
	// server's user only (SQLite gives its WAL files the same mode).
	if err := os.Chmod(path, 0o600); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("store: protect %s: %w", path, err)
	}
	return &DB{dialect: SQLite, write: w, read: r, Path: path, Now: time.Now}, nil
}

// Dialect reports the engine.
func (db *DB) Dialect() Dialect { return db.dialect }

// Close closes every connection.
func (db *DB) Close() error {
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// Ping checks that the database answers; /healthz uses it.
func (db *DB) Ping(ctx context.Context) error {
	return db.read.PingContext(ctx)
}

// now returns the clock's time in UTC, at the precision both engines keep.
func (db *DB) now() time.Time {
	return db.Now().UTC().Truncate(time.Microsecond)
}

// tx runs fn in a write transaction, committing when it returns nil.
func (db *DB) tx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := db.write.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", translate(err))
	}
	return nil
}

// migrationsFS returns the migration folder of the dialect.
func (db *DB) migrationsFS() (fs.FS, error) {
	return fs.Sub(migrations, "migrations/"+string(db.dialect))
}

// nullTime turns a zero time into NULL.
func nullTime(t time.Time) sql.NullTime {
	return sql.NullTime{Time: t.UTC(), Valid: !t.IsZero()}
}

// nullID turns a zero id into NULL.
func nullID(id int64) sql.NullInt64 {
	return sql.NullInt64{Int64: id, Valid: id != 0}
}
