package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/search"
)

// searchIndex finds a page of matches of m published in [from, to) and
// returns their sort keys; it sets res.Total and res.Capped. agency is the
// agency m is filtered to, 0 for every agency.
//
// Relevance is the same on both engines and needs no score for every
// match: the items whose title (or 文号) has every term come first, then
// the rest, newest first within each part. (bm25 and ts_rank read every
// match, and bm25 also scans the whole index for each phrase's document
// frequency: their cost grows with the catalog, not with the page.)
// Counting stops after SearchCountLimit+1 matches. When there are no more
// than SearchCountLimit, the counting pass has read them all and they are
// ordered and paged here; otherwise the index is asked for the page, and
// pages in date order stop after their last row.
func (db *DB) searchIndex(ctx context.Context, m search.Match, agency int64, from, to time.Time, byDate bool, res *CatalogResults) ([]int64, error) {
	s := indexSearch{ctx: ctx, db: db, m: m, agency: agency}
	s.lo, s.hi = search.KeyRange(from, to)
	s.ranged = !from.IsZero() || !to.IsZero()
	limit, offset := res.PerPage, (res.Page-1)*res.PerPage
	var keys []int64
	err := db.searchTx(ctx, func(tx *sqlx.Tx) error {
		s.tx = tx
		all, capped, err := s.keys(search.All)
		if err != nil || len(all) == 0 {
			return err
		}
		res.Total, res.Capped = min(len(all), SearchCountLimit), capped
		if !capped {
			// Every match is known: order and page them here rather
			// than asking the index again (for a phrase within one
			// agency, the second pass cost as much as the first).
			var inTitle []int64
			if !byDate {
				if inTitle, _, err = s.keys(search.InTitle); err != nil {
					return err
				}
			}
			keys = pageKeys(relevanceOrder(all, inTitle), limit, offset)
			return nil
		}
		if byDate {
			keys, err = s.page(search.All, limit, offset)
			return err
		}
		var ok bool
		if keys, ok, err = s.titlePage(limit, offset); err != nil || ok {
			return err
		}
		inTitle, titleCapped, err := s.keys(search.InTitle)
		if err != nil {
			return err
		}
		if titleCapped {
			// Every page up to the count's limit is of title matches.
			keys, err = s.page(search.InTitle, limit, offset)
			return err
		}
		keys = pageKeys(newestFirst(inTitle), limit, offset)
		if len(keys) < limit {
			rest, err := s.page(search.NotInTitle, limit-len(keys), max(0, offset-len(inTitle)))
			if err != nil {
				return err
			}
			keys = append(keys, rest...)
		}
		return nil
	})
	return keys, err
}

// searchTx runs the queries of one search in a read-only transaction. On
// PostgreSQL it turns off sequential and plain index scans for it: the
// planner does not count the cost of reading the large, TOASTed body
// tsvectors, and without this it filters every row (or walks the date
// index) instead of asking the GIN indexes, ten to fifty times slower.
func (db *DB) searchTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := db.read.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if db.dialect == Postgres {
		// No JIT: the estimated cost of a search (every match) is high
		// enough for it, while the search reads a page; compiling would
		// cost more than running.
		for _, set := range []string{`SET LOCAL enable_seqscan = off`, `SET LOCAL enable_indexscan = off`, `SET LOCAL jit = off`} {
			if _, err := tx.ExecContext(ctx, set); err != nil {
				return err
			}
		}
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// indexSearch is one search's questions to the index.
type indexSearch struct {
	ctx    context.Context
	db     *DB
	tx     *sqlx.Tx
	m      search.Match
	agency int64 // the agency searched (m also filters by it), 0 for all
	lo, hi int64 // sort keys of the date range
	ranged bool  // a date range was given
	// plan (PostgreSQL) holds the planner's estimates that choose, for
	// each query, between GIN and the walk newest first (searchPlan).
	plan *searchPlan
}

// from returns the table and condition, with their arguments, that
// select the part's rows on SQLite. Both engines keep titles in an index
// of their own (SQLite's catalog_fts_title, PostgreSQL's title_tsv), with
// the filter tokens, so the title part reads short posting lists.
func (s indexSearch) from(part search.Part) (string, []any) {
	table := "catalog_fts"
	if part == search.InTitle {
		table = "catalog_fts_title"
	}
	rng := ""
	if s.ranged {
		rng = ` AND rowid BETWEEN ? AND ?`
	}
	q, args := table+` WHERE `+table+` MATCH ?`+rng, s.args(s.m.FTS5())
	if part == search.NotInTitle {
		// The title part is at most SearchCountLimit items when it is
		// asked for, so this set stays small.
		q += ` AND rowid NOT IN (SELECT rowid FROM catalog_fts_title WHERE catalog_fts_title MATCH ?` + rng + `)`
		args = append(args, s.args(s.m.FTS5())...)
	}
	return q, args
}

// postgresFrom is from on PostgreSQL, for m (the search's match, or one
// standing for it in an estimate), read by the walk or through GIN. The
// walk checks each row's tsv (in the row); GIN finds the rows by their
// grams, which answer the query unless it has a long phrase, checked
// against tsv. The title part is always title_tsv's: short rows whose
// GIN index holds the positions.
func (s indexSearch) postgresFrom(m search.Match, part search.Part, walk bool) (string, []any) {
	var args []any
	arg := func(v any) string { return bind(&args, v) }
	tsquery := ""
	positions := func(column string) string {
		if tsquery == "" {
			tsquery = `to_tsquery('simple', ` + arg(m.TSQuery()) + `)`
		}
		return column + ` @@ ` + tsquery
	}
	var text string
	switch {
	case part == search.InTitle:
	case walk:
		text = positions("tsv")
	case m.Query.Exact():
		text = `grams @@ to_tsquery('simple', ` + arg(m.GramsQuery()) + `)`
	default:
		text = `grams @@ to_tsquery('simple', ` + arg(m.GramsQuery()) + `) AND ` + positions("tsv")
	}
	var q string
	switch part {
	case search.All:
		q = text
	case search.InTitle:
		q = positions("title_tsv")
	case search.NotInTitle:
		q = text + ` AND NOT ` + positions("title_tsv")
	}
	if walk {
		q = s.walkScope(&args) + ` AND ` + q
	} else if s.ranged {
		q += ` AND sort_key BETWEEN ` + arg(s.lo) + ` AND ` + arg(s.hi)
	}
	return `catalog_search WHERE ` + q, args
}

// walkScope returns the condition on the rows the walk reads, its
// arguments appended to args: one agency's, by the (agency_id, sort_key)
// index, and the date range's.
func (s indexSearch) walkScope(args *[]any) string {
	var conds []string
	if s.agency != 0 {
		conds = append(conds, `agency_id = `+bind(args, s.agency))
	}
	if s.ranged {
		conds = append(conds, `sort_key BETWEEN `+bind(args, s.lo)+` AND `+bind(args, s.hi))
	}
	if len(conds) == 0 {
		return "true"
	}
	return strings.Join(conds, " AND ")
}

// bind appends a query argument to args and returns its PostgreSQL
// placeholder ($1, $2, …).
func bind(args *[]any, v any) string {
	*args = append(*args, v)
	return "$" + strconv.Itoa(len(*args))
}

// args returns the arguments of a MATCH and, with a date range, its keys.
func (s indexSearch) args(match string) []any {
	if s.ranged {
		return []any{match, s.lo, s.hi}
	}
	return []any{match}
}

// keys returns the sort keys of a part's items, at most
// SearchCountLimit+1 of them in no particular order; capped reports that
// there are more than SearchCountLimit (or, on PostgreSQL, that so many
// index rows matched that reading stopped: long texts have several rows).
func (s *indexSearch) keys(part search.Part) (keys []int64, capped bool, err error) {
	if s.db.dialect == Postgres {
		return s.postgresKeys(part)
	}
	from, args := s.from(part)
	// The keys come back as one comma-separated text: scanning a thousand
	// rows through database/sql cost more than the search itself for a
	// frequent word.
	var list sql.NullString
	// In rowid order: FTS5 reads its posting lists backwards about half
	// as fast (measured: 34 ms against 19 ms for one agency's 行政许可 at
	// 800 000 items).
	err = s.tx.GetContext(s.ctx, &list, fmt.Sprintf(`SELECT group_concat(rowid) FROM
		(SELECT rowid FROM %s LIMIT %d)`, from, SearchCountLimit+1), args...)
	if err != nil {
		return nil, false, err
	}
	keys, err = parseKeys(list.String)
	return keys, len(keys) > SearchCountLimit, err
}

// parseKeys reads a comma-separated list of sort keys.
func parseKeys(list string) ([]int64, error) {
	if list == "" {
		return nil, nil
	}
	keys := make([]int64, 0, strings.Count(list, ",")+1)
	for f := range strings.SplitSeq(list, ",") {
		k, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("sort key %q: %w", f, err)
		}
		keys = append(keys, k)
	}
	return keys, nil
}

// page returns the sort keys of a page of a part's matches, newest first.
func (s *indexSearch) page(part search.Part, limit, offset int) ([]int64, error) {
	from, args := s.from(part)
	q := `SELECT rowid FROM ` + from + ` ORDER BY rowid DESC LIMIT %d OFFSET %d`
	if s.db.dialect == Postgres {
		walk, _, err := s.walkPage(part, limit+offset)
		if err != nil {
			return nil, err
		}
		if err := s.scans(walk); err != nil {
			return nil, err
		}
		from, args = s.postgresFrom(s.m, part, walk)
		q = `SELECT sort_key FROM ` + from + ` GROUP BY sort_key ORDER BY sort_key DESC LIMIT %d OFFSET %d`
	}
	var keys []int64
	err := s.tx.SelectContext(s.ctx, &keys, fmt.Sprintf(q, limit, offset), args...)
	return keys, err
}

// distinctKeys returns keys without repeats, in no particular order.
func distinctKeys(keys []int64) []int64 {
	slices.Sort(keys)
	return slices.Compact(keys)
}

// relevanceOrder orders every match of a search by relevance: the keys in
// inTitle (items whose title has every term) newest first, then the
// others newest first.
func relevanceOrder(all, inTitle []int64) []int64 {
	title := make(map[int64]bool, len(inTitle))
	for _, k := range inTitle {
		title[k] = true
	}
	out := slices.Clone(all)
	slices.SortFunc(out, func(a, b int64) int {
		if title[a] != title[b] {
			if title[a] {
				return -1
			}
			return 1
		}
		return cmp.Compare(b, a)
	})
	return out
}

// newestFirst sorts keys in place, newest first, and returns them.
func newestFirst(keys []int64) []int64 {
	slices.SortFunc(keys, func(a, b int64) int { return cmp.Compare(b, a) })
	return keys
}

// pageKeys returns the page of keys at offset, at most limit long.
func pageKeys(keys []int64, limit, offset int) []int64 {
	if offset >= len(keys) {
		return nil
	}
	return keys[offset:min(offset+limit, len(keys))]
}
