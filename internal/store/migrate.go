package store

import (
	"context"
	"fmt"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// Migrate applies every embedded migration not yet applied, each in its own
// transaction, then rebuilds the search index if its layout changed. On
// PostgreSQL a session lock keeps several app nodes that start together
// from migrating at once. It returns the versions applied.
func (db *DB) Migrate(ctx context.Context) ([]int64, error) {
	fsys, err := db.migrationsFS()
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	// Features add their migrations with reserved numbers, so a data folder
	// may meet a lower number after a higher one: apply it rather than stop.
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true), goose.WithAllowOutofOrder(true)}
	dialect := goose.DialectSQLite3
	if db.dialect == Postgres {
		dialect = goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, fmt.Errorf("store: migration lock: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, db.write.DB, fsys, opts...)
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: migrate: %w", err)
	}
	var applied []int64
	for _, r := range results {
		applied = append(applied, r.Source.Version)
	}
	if _, err := db.rebuildSearchIndex(ctx); err != nil {
		return applied, err
	}
	return applied, nil
}
