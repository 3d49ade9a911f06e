package store

import (
	"context"
	"fmt"
	"hash/fnv"
)

// Exclusively runs fn while holding a lock named name that every app node
// of a PostgreSQL deployment shares (a session advisory lock), so work such
// as seeding an empty database happens once when nodes start together.
// SQLite has one node, and fn simply runs.
func (db *DB) Exclusively(ctx context.Context, name string, fn func(ctx context.Context) error) error {
	if db.dialect != Postgres {
		return fn(ctx)
	}
	h := fnv.New64a()
	h.Write([]byte("gongkai:" + name))
	key := int64(h.Sum64() >> 1)
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: lock %s: %w", name, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return fmt.Errorf("store: lock %s: %w", name, err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key)
	return fn(ctx)
}
