package store

import (
	"context"
	"fmt"
	"strings"

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
	Total   int
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

// SearchCatalog searches the public (主动公开, published) items. Both engines
// match the same tokens (internal/search), so they find the same items;
// relevance is FTS5's bm25 or PostgreSQL's ts_rank with the title and 文号
// weighted above the body, ties broken by date.
func (db *DB) SearchCatalog(ctx context.Context, cq CatalogQuery) (CatalogResults, error) {
	if cq.Page < 1 {
		cq.Page = 1
	}
	if cq.PerPage <= 0 || cq.PerPage > 100 {
		cq.PerPage = 20
	}
	res := CatalogResults{Page: cq.Page, PerPage: cq.PerPage}
	var q search.Query
	match, score := "", "0"
	var args []any
	if strings.TrimSpace(cq.Text) != "" {
		var err error
		if q, err = search.Parse(cq.Text); err != nil {
			return res, err
		}
		indexed := q
		if cq.AgencyID != 0 {
			indexed = q.WithAgency(cq.AgencyID)
		}
		if db.dialect == Postgres {
			// The tsquery is written out twice rather than joined as a
			// relation: only a constant query lets the planner use the GIN index.
			match = `(SELECT item_id, max(ts_rank(tsv, to_tsquery('simple', ?))) AS score FROM catalog_search
				WHERE tsv @@ to_tsquery('simple', ?) GROUP BY item_id)`
			args = append(args, indexed.TSQuery(), indexed.TSQuery())
			score = "-m.score"
		} else {
			match = `(SELECT s.item_id, min(f.score) AS score FROM (SELECT rowid AS rid, rank AS score
				FROM catalog_fts WHERE catalog_fts MATCH ? AND rank MATCH 'bm25(10.0, 1.0)') f JOIN catalog_search s ON s.id = f.rid GROUP BY s.item_id)`
			args = append(args, indexed.FTS5())
			score = "m.score"
		}
	}
	from := ` FROM catalog_items i JOIN agencies a ON a.id = i.agency_id`
	if match != "" {
		from += ` JOIN ` + match + ` m ON m.item_id = i.id`
	}
	where := ` WHERE i.attribute = 'proactive' AND i.state IN ` + publicStates
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
	fail := func(err error) (CatalogResults, error) {
		return res, fmt.Errorf("store: search catalog %q: %w", cq.Text, err)
	}
	order := ` ORDER BY ` + score + `, i.published_at DESC, i.id DESC`
	if cq.ByDate || match == "" {
		order = ` ORDER BY i.published_at DESC, i.id DESC`
	}
	// Rank and page over ids and sort keys only, then read the page's rows:
	// sorting thousands of matches with their bodies would dominate.
	var page []struct {
		ID    int64 `db:"id"`
		Total int   `db:"total"`
	}
	// A text search counts its matches as it ranks them; a plain list
	// counts apart, so that its page comes straight from an index in date
	// order.
	total := `count(*) OVER ()`
	if match == "" {
		total = `0`
	}
	err := db.read.SelectContext(ctx, &page, db.read.Rebind(`SELECT i.id, `+total+` AS total`+from+where+order+` LIMIT ? OFFSET ?`),
		append(args, cq.PerPage, (cq.Page-1)*cq.PerPage)...)
	if err != nil {
		return fail(err)
	}
	if len(page) > 0 && match != "" {
		res.Total = page[0].Total
	} else if len(page) > 0 || cq.Page > 1 {
		if err := db.read.GetContext(ctx, &res.Total, db.read.Rebind(`SELECT count(*)`+from+where), args...); err != nil {
			return fail(err)
		}
	}
	if len(page) == 0 {
		return res, nil
	}
	ids := make([]int64, len(page))
	for i, p := range page {
		ids[i] = p.ID
	}
	cols := "i." + strings.ReplaceAll(strings.Join(strings.Fields(itemColumns), " "), ", ", ", i.")
	query, inArgs, err := sqlx.In(`SELECT `+cols+`, a.name AS agency_name FROM catalog_items i
		JOIN agencies a ON a.id = i.agency_id WHERE i.id IN (?)`, ids)
	if err != nil {
		return fail(err)
	}
	var rows []struct {
		itemRow
		Agency string `db:"agency_name"`
	}
	if err := db.read.SelectContext(ctx, &rows, db.read.Rebind(query), inArgs...); err != nil {
		return fail(err)
	}
	pos := make(map[int64]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	res.Hits = make([]CatalogHit, len(ids))
	for _, r := range rows {
		res.Hits[pos[r.ID]] = CatalogHit{Item: r.item(), Agency: r.Agency, Snippet: search.Snippet(r.BodyText, q)}
	}
	if len(rows) != len(ids) {
		return fail(fmt.Errorf("%d of %d hits vanished while reading", len(ids)-len(rows), len(ids)))
	}
	return res, nil
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
