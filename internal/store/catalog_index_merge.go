package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// SQLite's FTS5 keeps its index as segments: every write transaction adds
// a small one and FTS5 merges them a few at a time as they pile up, so a
// catalog filled item by item over the years ends with a dozen or more
// (18 at one million items). A search seeks every term in every segment;
// merged into one, one agency's 行政许可 at a million items took half the
// time (docs/benchmarks.md). OptimizeSearchIndex merges them into one, in
// bounded steps that let other writers in between.

// searchTables are SQLite's FTS5 tables of the catalog search.
var searchTables = []string{"catalog_fts", "catalog_fts_title"}

// mergePages is how many pages (about 4 KB each) one merge step writes:
// about a tenth of a second of work.
const mergePages = 1000

// SearchSegments returns how many segments SQLite's search index has
// (both tables together); on PostgreSQL it returns 0.
func (db *DB) SearchSegments(ctx context.Context) (int, error) {
	if db.dialect != SQLite {
		return 0, nil
	}
	total := 0
	for _, t := range searchTables {
		n, err := db.searchSegments(ctx, t)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// searchSegments returns how many segments an FTS5 table has, from its
// structure record (row 10 of its %_data table).
func (db *DB) searchSegments(ctx context.Context, table string) (int, error) {
	var rec []byte
	if err := db.read.GetContext(ctx, &rec, `SELECT block FROM `+table+`_data WHERE id = 10`); err != nil {
		return 0, fmt.Errorf("store: search index structure of %s: %w", table, err)
	}
	n, err := fts5Segments(rec)
	if err != nil {
		return 0, fmt.Errorf("store: search index structure of %s: %w", table, err)
	}
	return n, nil
}

// fts5Segments reads the number of segments from an FTS5 structure
// record: a 4-byte cookie, the 4-byte marker of the second format (used
// by contentless_delete tables) when present, then the number of levels
// and of segments as SQLite varints.
func fts5Segments(rec []byte) (int, error) {
	if len(rec) < 4 {
		return 0, errors.New("structure record too short")
	}
	rec = rec[4:]
	if len(rec) >= 4 && binary.BigEndian.Uint32(rec) == 0xff000001 {
		rec = rec[4:]
	}
	_, rec, ok := sqliteVarint(rec) // levels
	if !ok {
		return 0, errors.New("structure record truncated")
	}
	n, _, ok := sqliteVarint(rec)
	if !ok {
		return 0, errors.New("structure record truncated")
	}
	return int(n), nil
}

// sqliteVarint decodes SQLite's big-endian variable-length integer: up to
// eight bytes of seven bits with the high bit set on all but the last,
// and a ninth byte of eight bits.
func sqliteVarint(b []byte) (v uint64, rest []byte, ok bool) {
	for i := 0; i < 9 && i < len(b); i++ {
		if i == 8 {
			return v<<8 | uint64(b[i]), b[9:], true
		}
		v = v<<7 | uint64(b[i]&0x7f)
		if b[i]&0x80 == 0 {
			return v, b[i+1:], true
		}
	}
	return 0, b, false
}

// OptimizeSearchIndex merges SQLite's search index into one segment, one
// step of mergePages pages a transaction, waiting pause between steps so
// that publishing and other writes are not held up. It returns the number
// of steps; an index already in one segment per table takes none. On
// PostgreSQL it does nothing (its GIN indexes have no segments; autovacuum
// folds their pending lists in).
func (db *DB) OptimizeSearchIndex(ctx context.Context, pause time.Duration) (int, error) {
	if db.dialect != SQLite {
		return 0, nil
	}
	steps := 0
	for _, t := range searchTables {
		// A record this code cannot read is merged anyway: merging is
		// always safe.
		if n, err := db.searchSegments(ctx, t); err == nil && n <= 1 {
			continue
		}
		// FTS5's 'merge' with a negative page count first puts every
		// segment on one level and merges even two; later steps, with a
		// positive count, carry that merge on without restarting it when
		// new segments arrive. Fewer than two changes means it is done.
		for first := true; ; first = false {
			pages := mergePages
			if first {
				pages = -mergePages
			}
			var changed int64
			err := db.tx(ctx, func(tx *sqlx.Tx) error {
				var before, after int64
				if err := tx.GetContext(ctx, &before, `SELECT total_changes()`); err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO `+t+`(`+t+`, rank) VALUES ('merge', ?)`, pages); err != nil {
					return err
				}
				if err := tx.GetContext(ctx, &after, `SELECT total_changes()`); err != nil {
					return err
				}
				changed = after - before
				return nil
			})
			if err != nil {
				return steps, fmt.Errorf("store: optimize %s: %w", t, err)
			}
			steps++
			if changed < 2 {
				break
			}
			select {
			case <-ctx.Done():
				return steps, ctx.Err()
			case <-time.After(pause):
			}
		}
	}
	return steps, nil
}
