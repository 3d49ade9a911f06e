package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/search"
)

// CatalogQuery is a search of the public catalog. An empty Text lists the
// matching items newest first (the portal's catalog pages).
type CatalogQuery struct {
	Text     string
	AgencyID int64 // 0 for every agency
	ColumnID int64 // a column and its sub-columns
	Topic    string
	Genre    string
	From, To calendar.Date // 发布日期, both ends included
	Validity catalog.Validity
	ByDate   bool // sort by 发布日期 instead of relevance
	Page     int  // from 1
	PerPage  int  // default 20, at most 100
}

// CatalogHit is one item found, with its agency's name and a highlighted
// snippet (HTML-escaped text with <mark> around matches).
type CatalogHit struct {
	Item    catalog.Item
	Agency  string
	Snippet string
}

// CatalogResults is a page of hits and the total number of matches.
type CatalogResults struct {
	Total int
	// Capped is set when a text search found more than SearchCountLimit
	// items: Total is then SearchCountLimit, a lower bound.
	Capped  bool
	Page    int
	PerPage int
	Hits    []CatalogHit
}

// Pages returns the number of pages.
func (r CatalogResults) Pages() int {
	if r.PerPage <= 0 {
		return 0
	}
	return (r.Total + r.PerPage - 1) / r.PerPage
}

// More reports whether a page follows this one. When the count is capped
// it is only a lower bound, so a full page may always have a next one:
// paging goes on past SearchCountLimit until a page comes back short.
func (r CatalogResults) More() bool {
	if r.Capped {
		return r.PerPage > 0 && len(r.Hits) == r.PerPage
	}
	return r.Page < r.Pages()
}

// SearchCountLimit is how many matches of a text search are counted.
// Counting every match of a frequent word costs time in proportion to the
// catalog (about 0.2 µs an item and term on SQLite), finding the first
// thousand does not; a search that finds more reports this many, Capped.
const SearchCountLimit = 1000

// SearchCatalog lists or searches the public (主动公开, published) items.
// Without text it lists them newest first from the items table. A text
// search asks the index (see searchIndex), which holds only public items
// and answers the filters itself.
func (db *DB) SearchCatalog(ctx context.Context, cq CatalogQuery) (CatalogResults, error) {
	if cq.Page < 1 {
		cq.Page = 1
	}
	if cq.PerPage <= 0 || cq.PerPage > 100 {
		cq.PerPage = 20
	}
	res := CatalogResults{Page: cq.Page, PerPage: cq.PerPage}
	fail := func(err error) (CatalogResults, error) {
		return res, fmt.Errorf("store: search catalog %q: %w", cq.Text, err)
	}
	if strings.TrimSpace(cq.Text) == "" {
		ids, total, err := db.listPublic(ctx, cq)
		if err != nil {
			return fail(err)
		}
		res.Total = total
		if res.Hits, err = db.readHits(ctx, ids, search.Query{}); err != nil {
			return fail(err)
		}
		return res, nil
	}
	q, err := search.Parse(cq.Text)
	if err != nil {
		return res, err
	}
	m, ok, err := db.indexMatch(ctx, cq, q)
	if err != nil {
		return fail(err)
	}
	if !ok {
		return res, nil
	}
	var from, to time.Time
	if !cq.From.IsZero() {
		from = cq.From.Time().UTC()
	}
	if !cq.To.IsZero() {
		to = cq.To.AddDays(1).Time().UTC()
	}
	keys, err := db.searchIndex(ctx, m, cq.AgencyID, from, to, cq.ByDate, &res)
	if err != nil {
		return fail(err)
	}
	ids := make([]int64, len(keys))
	for i, k := range keys {
		ids[i] = search.KeyID(k)
	}
	if res.Hits, err = db.readHits(ctx, ids, q); err != nil {
		return fail(err)
	}
	return res, nil
}

// indexMatch returns the index expression of a search: its terms and its
// filters as index tokens. ok is false when nothing can match (an unknown
// column).
func (db *DB) indexMatch(ctx context.Context, cq CatalogQuery, q search.Query) (m search.Match, ok bool, err error) {
	m.Query = q
	if cq.AgencyID != 0 {
		m.Filter(search.AgencyToken(cq.AgencyID))
	}
	if cq.ColumnID != 0 {
		var cols []int64
		err := db.read.SelectContext(ctx, &cols, db.read.Rebind(`SELECT id FROM catalog_columns WHERE id = ? OR parent_id = ? ORDER BY id`), cq.ColumnID, cq.ColumnID)
		if err != nil || len(cols) == 0 {
			return m, false, err
		}
		toks := make([]string, len(cols))
		for i, id := range cols {
			toks[i] = search.ColumnToken(id)
		}
		m.Filter(toks...)
	}
	if cq.Topic != "" {
		m.Filter(search.TopicToken(cq.Topic))
	}
	if cq.Genre != "" {
		m.Filter(search.GenreToken(cq.Genre))
	}
	if cq.Validity != "" {
		m.Filter(search.ValidityToken(string(cq.Validity)))
	}
	return m, true, nil
}

// listPublic returns a page of public item ids newest first, from the
// items table's date index, and how many there are.
func (db *DB) listPublic(ctx context.Context, cq CatalogQuery) ([]int64, int, error) {
	where := ` FROM catalog_items i WHERE i.attribute = 'proactive' AND i.state IN ` + publicStates
	var args []any
	add := func(cond string, v ...any) {
		where += ` AND ` + cond
		args = append(args, v...)
	}
	if cq.AgencyID != 0 {
		add(`i.agency_id = ?`, cq.AgencyID)
	}
	if cq.ColumnID != 0 {
		add(`(i.column_id = ? OR i.column_id IN (SELECT id FROM catalog_columns WHERE parent_id = ?))`, cq.ColumnID, cq.ColumnID)
	}
	if cq.Topic != "" {
		add(`i.topic = ?`, cq.Topic)
	}
	if cq.Genre != "" {
		add(`i.genre = ?`, cq.Genre)
	}
	if !cq.From.IsZero() {
		add(`i.published_at >= ?`, cq.From.Time().UTC())
	}
	if !cq.To.IsZero() {
		add(`i.published_at < ?`, cq.To.AddDays(1).Time().UTC())
	}
	if cq.Validity != "" {
		add(`i.validity = ?`, cq.Validity)
	}
	var ids []int64
	err := db.read.SelectContext(ctx, &ids, db.read.Rebind(`SELECT i.id`+where+` ORDER BY i.published_at DESC, i.id DESC LIMIT ? OFFSET ?`),
		append(args, cq.PerPage, (cq.Page-1)*cq.PerPage)...)
	if err != nil {
		return nil, 0, err
	}
	total := 0
	if len(ids) > 0 || cq.Page > 1 {
		if err := db.read.GetContext(ctx, &total, db.read.Rebind(`SELECT count(*)`+where), args...); err != nil {
			return nil, 0, err
		}
	}
	return ids, total, nil
}

// readHits reads the items of a page in the order of ids, with their
// agency's name and a snippet highlighting q.
func (db *DB) readHits(ctx context.Context, ids []int64, q search.Query) ([]CatalogHit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	cols := "i." + strings.ReplaceAll(strings.Join(strings.Fields(itemColumns), " "), ", ", ", i.")
	query, inArgs, err := sqlx.In(`SELECT `+cols+`, a.name AS agency_name FROM catalog_items i
		JOIN agencies a ON a.id = i.agency_id WHERE i.id IN (?)`, ids)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		itemRow
		Agency string `db:"agency_name"`
	}
	if err := db.read.SelectContext(ctx, &rows, db.read.Rebind(query), inArgs...); err != nil {
		return nil, err
	}
	if len(rows) != len(ids) {
		return nil, fmt.Errorf("%d of %d hits vanished while reading", len(ids)-len(rows), len(ids))
	}
	pos := make(map[int64]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	hits := make([]CatalogHit, len(ids))
	for _, r := range rows {
		hits[pos[r.ID]] = CatalogHit{Item: r.item(), Agency: r.Agency, Snippet: search.Snippet(r.BodyText, q)}
	}
	return hits, nil
}

// SitemapLimit is the most URLs one sitemap file may list.
const SitemapLimit = 50000

// PublicItemDates returns the newest public items (id, agency and
// UpdatedAt only), at most limit, for the sitemap.
func (db *DB) PublicItemDates(ctx context.Context, limit int) ([]catalog.Item, error) {
	var rows []struct {
		ID        int64   `db:"id"`
		AgencyID  int64   `db:"agency_id"`
		UpdatedAt sqlTime `db:"updated_at"`
	}
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT id, agency_id, updated_at FROM catalog_items
		WHERE attribute = 'proactive' AND state IN `+publicStates+` ORDER BY published_at DESC, id DESC LIMIT ?`), max(limit, 0))
	if err != nil {
		return nil, fmt.Errorf("store: public items: %w", err)
	}
	out := make([]catalog.Item, len(rows))
	for i, r := range rows {
		out[i] = catalog.Item{ID: r.ID, AgencyID: r.AgencyID, UpdatedAt: r.UpdatedAt.Time}
	}
	return out, nil
}
