package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/search"
)

// Exec runs raw SQL on the writer, for tests that tamper with the database
// the way someone with direct access could.
func (db *DB) Exec(ctx context.Context, q string, args ...any) error {
	_, err := db.write.ExecContext(ctx, db.write.Rebind(q), args...)
	return err
}

// DenseSearch reports whether a text search across all agencies would
// walk the sort_key index on PostgreSQL (indexSearch.dense).
func (db *DB) DenseSearch(ctx context.Context, text string) (dense bool, err error) {
	err = db.testSearch(ctx, text, 0, func(s *indexSearch) error {
		dense, err = s.dense()
		return err
	})
	return dense, err
}

// EstimateTitleMatches returns PostgreSQL's estimate of the items whose
// title has every term of a text search (indexSearch.estimate).
func (db *DB) EstimateTitleMatches(ctx context.Context, text string) (n float64, err error) {
	err = db.testSearch(ctx, text, 0, func(s *indexSearch) error {
		n, err = s.estimate(search.InTitle)
		return err
	})
	return n, err
}

// WalkPage reports whether the first rows matches of a text search within
// an agency (0 for all), newest first, would be read by the walk on
// PostgreSQL, the estimate of the matches, and the rows the walk would
// read from (indexSearch.walkPage).
func (db *DB) WalkPage(ctx context.Context, text string, agency int64, rows int) (walk bool, matches, scope float64, err error) {
	err = db.testSearch(ctx, text, agency, func(s *indexSearch) error {
		if walk, matches, err = s.walkPage(search.All, rows); err == nil {
			scope = s.plan.scope
		}
		return err
	})
	return walk, matches, scope, err
}

// testSearch runs fn on the index search of a text within an agency (0
// for all), in a search's transaction.
func (db *DB) testSearch(ctx context.Context, text string, agency int64, fn func(s *indexSearch) error) error {
	q, err := search.Parse(text)
	if err != nil {
		return err
	}
	return db.searchTx(ctx, func(tx *sqlx.Tx) error {
		s := indexSearch{ctx: ctx, db: db, tx: tx, m: search.Match{Query: q}, agency: agency}
		if agency != 0 {
			s.m.Filter(search.AgencyToken(agency))
		}
		s.lo, s.hi = search.KeyRange(time.Time{}, time.Time{})
		return fn(&s)
	})
}

// CountItems returns how many catalog items the database holds.
func CountItems(ctx context.Context, db *DB) (int, error) {
	var n int
	err := db.read.GetContext(ctx, &n, `SELECT count(*) FROM catalog_items`)
	return n, err
}

// QueryRow scans the single row of a raw query into dest.
func (db *DB) QueryRow(ctx context.Context, q string, dest any, args ...any) error {
	return db.read.GetContext(ctx, dest, db.read.Rebind(q), args...)
}

// QueryRows scans every row of a raw query into dest, a pointer to a slice.
func (db *DB) QueryRows(ctx context.Context, q string, dest any, args ...any) error {
	return db.read.SelectContext(ctx, dest, db.read.Rebind(q), args...)
}
