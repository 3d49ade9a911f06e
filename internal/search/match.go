package search

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Filter tokens are ASCII words that every index row of an item carries
// besides its text, so that the index itself answers the portal's filters
// (agency, column, 主题分类, 体裁分类, 有效性): a filtered search intersects
// posting lists and can stop early, instead of checking every match
// against the items table. Ordinary text does not contain words starting
// with "zz" followed by these names.

// AgencyToken is the token of an agency's items, "zzagency" and the id.
func AgencyToken(agencyID int64) string { return "zzagency" + strconv.FormatInt(agencyID, 10) }

// ColumnToken is the token of an item in the column with the given id.
func ColumnToken(columnID int64) string { return "zzcolumn" + strconv.FormatInt(columnID, 10) }

// TopicToken is the token of an item with the given 主题分类.
func TopicToken(topic string) string { return "zztopic" + digest(topic) }

// GenreToken is the token of an item with the given 体裁分类.
func GenreToken(genre string) string { return "zzgenre" + digest(genre) }

// ValidityToken is the token of an item with the given 有效性 (valid,
// repealed, expired).
func ValidityToken(validity string) string { return "zzvalidity" + digest(validity) }

// digest turns a label of any script into letters and digits.
func digest(label string) string {
	sum := sha256.Sum256([]byte(label))
	return hex.EncodeToString(sum[:8])
}

// Match is what the index is asked: a parsed query (it may be empty, to
// list by filters alone) and filters, each a group of tokens of which an
// item must carry at least one (a column with its sub-columns is a group
// of several).
type Match struct {
	Query   Query
	Filters [][]string
}

// Filter adds a group of alternative tokens.
func (m *Match) Filter(tokens ...string) {
	if len(tokens) > 0 {
		m.Filters = append(m.Filters, tokens)
	}
}

// Part selects which matches of a Match a store asks its index for.
type Part int

const (
	// All finds every item the query and the filters match.
	All Part = iota
	// InTitle finds those whose title (or 文号) has every term.
	InTitle
	// NotInTitle finds the rest: All minus InTitle.
	NotInTitle
)

// FTS5 returns the expression for SQLite FTS5's MATCH.
func (m Match) FTS5() string {
	var parts []string
	for _, g := range m.Filters {
		alt := make([]string, len(g))
		for i, tok := range g {
			alt[i] = `"` + tok + `"`
		}
		parts = append(parts, "("+strings.Join(alt, " OR ")+")")
	}
	if len(m.Query.Terms) > 0 {
		parts = append(parts, "("+m.Query.FTS5()+")")
	}
	return strings.Join(parts, " AND ")
}

// TSQuery returns the expression for PostgreSQL to_tsquery('simple', …)
// over the positional index.
func (m Match) TSQuery() string { return m.tsquery(m.Query.TSQuery()) }

// GramsQuery returns the expression for PostgreSQL to_tsquery('simple', …)
// over the grams (see Grams). Unless m.Query.Exact(), what it finds must
// be checked against TSQuery.
func (m Match) GramsQuery() string { return m.tsquery(m.Query.GramsQuery()) }

// tsquery joins the filter groups and a query's expression with &.
func (m Match) tsquery(query string) string {
	var parts []string
	for _, g := range m.Filters {
		alt := make([]string, len(g))
		for i, tok := range g {
			alt[i] = "'" + tok + "'"
		}
		parts = append(parts, "("+strings.Join(alt, " | ")+")")
	}
	if query != "" {
		parts = append(parts, "("+query+")")
	}
	return strings.Join(parts, " & ")
}

// Key limits. A sort key is the second of publication since 1970 shifted
// left by KeyIDBits, plus the item's id: ordering by key orders by date,
// then by id, and a date range is a key range.
const (
	KeyIDBits = 30
	MaxKeyID  = 1<<KeyIDBits - 1
)

// ErrKeyID is returned for an item id too large for a sort key.
var ErrKeyID = errors.New("search: item id too large for a sort key")

// SortKey returns the sort key of an item published at t.
func SortKey(t time.Time, itemID int64) (int64, error) {
	if itemID < 0 || itemID > MaxKeyID {
		return 0, ErrKeyID
	}
	return keySeconds(t)<<KeyIDBits | itemID, nil
}

// KeyID returns the item id in a sort key.
func KeyID(key int64) int64 { return key & MaxKeyID }

// KeyRange returns the sort keys of items published from from (included)
// to to (excluded); a zero time leaves that end open.
func KeyRange(from, to time.Time) (lo, hi int64) {
	lo, hi = 0, 1<<62
	if !from.IsZero() {
		lo = keySeconds(from) << KeyIDBits
	}
	if !to.IsZero() {
		hi = keySeconds(to)<<KeyIDBits - 1
	}
	return lo, hi
}

// keySeconds clamps a time to the seconds a key can hold: from 1970 to
// about 2242.
func keySeconds(t time.Time) int64 { return min(max(t.Unix(), 0), 1<<32-1) }
