package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/gongkai/gongkai/internal/search"
)

// PostgreSQL answers a text search in one of two ways, chosen per query
// from the planner's own estimate of how many rows match:
//
//   - through GIN: a bitmap of every match, then the rows in table order,
//     each checked again when the query is a phrase (GIN has no positions).
//     The bitmap costs in proportion to the posting lists; asking for the
//     newest matches first costs a visit to every match.
//   - the walk: the sort_key index newest first, each row checked against
//     the query, stopping after the rows asked for. It costs in proportion
//     to the rows it reads, about the rows asked for divided by the share
//     of rows that match.
//
// The count (up to SearchCountLimit+1 matches) walks only when most rows
// match (walkDensity); a page newest first walks when that reads fewer
// rows than visiting every match does (walkPage).

// walkDensity is the share of the index's rows a search must be estimated
// to match for its count to walk instead of asking GIN: a count in
// table order through GIN reads about as many rows as it counts and stops,
// so the walk wins only when its reads are not much more.
const walkDensity = 0.3

// searchPlan holds what the planner estimates for one search.
type searchPlan struct {
	rows float64 // rows in the index (pg_class.reltuples), 0 without statistics
	// scope is the rows the walk reads from: the agency's when the search
	// is within one (it walks the (agency_id, sort_key) index), else rows.
	scope float64
	// matches are the estimated matching rows of each part, filled on
	// first use.
	matches map[search.Part]float64
	walking bool // the transaction's scan settings are the walk's
}

// planner returns the search's plan, reading the index's size first.
func (s *indexSearch) planner() (*searchPlan, error) {
	if s.plan != nil {
		return s.plan, nil
	}
	p := &searchPlan{matches: map[search.Part]float64{}}
	if err := s.tx.GetContext(s.ctx, &p.rows, `SELECT reltuples FROM pg_class WHERE oid = 'catalog_search'::regclass`); err != nil {
		return nil, err
	}
	p.rows = max(p.rows, 0) // -1 before the first ANALYZE
	p.scope = p.rows
	if s.agency != 0 && p.rows >= 1 {
		var err error
		if p.scope, err = s.explainRows(`catalog_search WHERE agency_id = $1`, []any{s.agency}); err != nil {
			return nil, err
		}
	}
	s.plan = p
	return p, nil
}

// estimate returns the planner's estimate of the rows a part matches
// (from ANALYZE's most common elements of the tsvector columns), or 0
// without statistics and on SQLite.
func (s *indexSearch) estimate(part search.Part) (float64, error) {
	if s.db.dialect != Postgres {
		return 0, nil
	}
	p, err := s.planner()
	if err != nil || p.rows < 1 {
		return 0, err
	}
	if part == search.NotInTitle {
		part = search.All // nearly the same rows, one question fewer
	}
	if n, ok := p.matches[part]; ok {
		return n, nil
	}
	m, err := s.estimateMatch(part)
	if err != nil {
		return 0, err
	}
	n, err := s.explainRows(s.postgresFrom(m, part, false))
	if err != nil {
		return 0, err
	}
	n *= p.scope / p.rows // the agency's share (see estimateMatch)
	p.matches[part] = n
	return n, nil
}

// estimateMatch returns the match whose estimate stands for a part's: the
// search's, each phrase replaced by its rarest token (a gram, or in the
// title part a bigram). The planner multiplies the frequencies of a
// phrase's tokens as if they were independent, but those of one word are
// not (一网, 网通 and 通办 are in the same 1.5 % of titles, not in 0.0003 %
// of them); the rarest token bounds the phrase from above, and a trigram
// closely.
//
// The agency filter is left out, and estimate takes the agency's share of
// the rows from the agency_id index instead: ANALYZE keeps the most common
// elements of the tsvectors only, and one agency's token of several
// hundred is seldom among them.
func (s *indexSearch) estimateMatch(part search.Part) (search.Match, error) {
	m := s.m
	if s.agency != 0 {
		agency := search.AgencyToken(s.agency)
		m.Filters = slices.DeleteFunc(slices.Clone(m.Filters), func(g []string) bool { return len(g) == 1 && g[0] == agency })
	}
	terms := slices.Clone(m.Query.Terms)
	for i, t := range terms {
		toks := t.Tokens
		if part != search.InTitle {
			toks = t.Grams()
		}
		if len(toks) < 2 {
			continue
		}
		rarest, least := "", math.Inf(1)
		for _, tok := range toks {
			one := search.Match{Query: search.Query{Terms: []search.Term{{Tokens: []string{tok}, Text: tok}}}}
			n, err := s.explainRows(s.postgresFrom(one, part, false))
			if err != nil {
				return m, err
			}
			if n < least {
				rarest, least = tok, n
			}
		}
		terms[i] = search.Term{Tokens: []string{rarest}, Text: rarest}
	}
	m.Query = search.Query{Terms: terms}
	return m, nil
}

// explainRows returns the planner's estimate of the rows of a search
// query (EXPLAIN's top row count).
func (s *indexSearch) explainRows(from string, args []any) (float64, error) {
	var plan []byte
	if err := s.tx.GetContext(s.ctx, &plan, `EXPLAIN (FORMAT JSON) SELECT sort_key FROM `+from, args...); err != nil {
		return 0, err
	}
	var out []struct {
		Plan struct {
			Rows float64 `json:"Plan Rows"`
		} `json:"Plan"`
	}
	if err := json.Unmarshal(plan, &out); err != nil {
		return 0, fmt.Errorf("reading the plan of a search: %w", err)
	}
	if len(out) != 1 {
		return 0, fmt.Errorf("reading the plan of a search: %d plans", len(out))
	}
	return out[0].Plan.Rows, nil
}

// dense reports whether the count of a search's matches walks: whether
// the planner estimates that it matches at least walkDensity of the
// index's rows. Within one agency it never does: the agency's token
// bounds GIN's bitmap, whose rows are then read in table order, while
// the walk reads one row after another wherever they lie (measured at a
// million items with 128 MB of shared buffers: 1001 matches of 许 in one
// agency, 72 ms p50 by the walk, 19 ms through GIN). Without statistics
// it answers false.
func (s *indexSearch) dense() (bool, error) {
	n, err := s.estimate(search.All)
	return err == nil && n > 0 && n >= walkDensity*s.plan.rows, err
}

// walkPage reports whether the first rows matches of a part, newest
// first, are read faster by the walk than through GIN: the walk reads
// about rows × scope / matches rows (scope: the rows it walks, see
// searchPlan), GIN visits every match, so the walk wins when matches² >
// rows × scope. It also returns the estimate.
func (s *indexSearch) walkPage(part search.Part, rows int) (walk bool, matches float64, err error) {
	n, err := s.estimate(part)
	if err != nil || n <= 0 {
		return false, n, err
	}
	return n >= math.Sqrt(float64(rows)*s.plan.scope), n, nil
}

// titlePage returns the page at offset when it is made of title matches
// alone, read newest first by the walk; ok is false when it is not, or
// when the walk would not pay. A frequent word is in thousands of titles:
// GIN would gather all of them to count them, while the page needs only
// the newest. The walk stops after four times the rows the planner's
// estimate expects it to read, so a wrong estimate costs a bounded detour
// before the search goes on through GIN (and SQLite always goes on).
func (s *indexSearch) titlePage(limit, offset int) (keys []int64, ok bool, err error) {
	want := limit + offset
	walk, n, err := s.walkPage(search.InTitle, want)
	if err != nil || !walk {
		return nil, false, err
	}
	budget := int(min(4*float64(want)*s.plan.scope/n, s.plan.scope))
	if err := s.scans(true); err != nil {
		return nil, false, err
	}
	args := []any{s.m.TSQuery()}
	where := s.walkScope(&args)
	err = s.tx.SelectContext(s.ctx, &keys, fmt.Sprintf(`SELECT sort_key FROM
		(SELECT sort_key, title_tsv FROM catalog_search WHERE %s ORDER BY sort_key DESC LIMIT %d) newest
		WHERE title_tsv @@ to_tsquery('simple', $1) GROUP BY sort_key ORDER BY sort_key DESC LIMIT %d`, where, budget, want), args...)
	if err != nil || len(keys) < want {
		return nil, false, err
	}
	return keys[offset:], true, nil
}

// postgresKeys returns the sort keys of a part's matches (see keys). The
// title index, short rows, always answers through GIN.
func (s *indexSearch) postgresKeys(part search.Part) ([]int64, bool, error) {
	walk := false
	if part != search.InTitle {
		var err error
		if walk, err = s.dense(); err != nil {
			return nil, false, err
		}
	}
	if err := s.scans(walk); err != nil {
		return nil, false, err
	}
	from, args := s.postgresFrom(s.m, part, walk)
	// The keys come back as one comma-separated text: scanning a
	// thousand rows through database/sql cost more than the search.
	var list sql.NullString
	if walk {
		// Distinct items newest first: the first SearchCountLimit+1.
		err := s.tx.GetContext(s.ctx, &list, fmt.Sprintf(`SELECT string_agg(sort_key::text, ',') FROM
			(SELECT sort_key FROM %s GROUP BY sort_key ORDER BY sort_key DESC LIMIT %d) m`, from, SearchCountLimit+1), args...)
		if err != nil {
			return nil, false, err
		}
		keys, err := parseKeys(list.String)
		return keys, len(keys) > SearchCountLimit, err
	}
	// Through GIN rows come in table order and a long text has several
	// (search.Chunks): ask for SearchCountLimit+1 rows, and for more only
	// when repeats left fewer items than that.
	const most = 16 * (SearchCountLimit + 1)
	for rows := SearchCountLimit + 1; ; rows *= 4 {
		err := s.tx.GetContext(s.ctx, &list, fmt.Sprintf(`SELECT string_agg(sort_key::text, ',') FROM
			(SELECT sort_key FROM %s LIMIT %d) m`, from, rows), args...)
		if err != nil {
			return nil, false, err
		}
		all, err := parseKeys(list.String)
		if err != nil {
			return nil, false, err
		}
		keys := distinctKeys(all)
		if len(all) < rows || len(keys) > SearchCountLimit || rows >= most {
			return keys, len(keys) > SearchCountLimit || len(all) == rows, nil
		}
	}
}

// scans sets the transaction's scan settings for the next query: the walk
// (plain index scans of sort_key) or GIN (bitmap scans).
func (s *indexSearch) scans(walk bool) error {
	p, err := s.planner()
	if err != nil || walk == p.walking {
		return err
	}
	set := `SET LOCAL enable_bitmapscan = on; SET LOCAL enable_indexscan = off`
	if walk {
		set = `SET LOCAL enable_bitmapscan = off; SET LOCAL enable_indexscan = on`
	}
	if _, err := s.tx.ExecContext(s.ctx, set); err != nil {
		return err
	}
	p.walking = walk
	return nil
}
