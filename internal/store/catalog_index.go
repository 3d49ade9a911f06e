package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"
	"golang.org/x/sync/errgroup"

	"github.com/gongkai/gongkai/internal/search"
)

// searchIndexVersion is the layout of the search index this code writes
// on the dialect: 1 = sort-key rows with filter tokens (migration 00007),
// 2 = on SQLite also the title index (00008), on PostgreSQL each Han
// character as a token and tsv kept in the row (00008), 3 = on PostgreSQL
// GIN over the grams instead of tsv (00009). A database whose
// search_index.version is lower is rebuilt by Migrate.
func (db *DB) searchIndexVersion() int {
	if db.dialect == Postgres {
		return 3
	}
	return 2
}

// indexDoc is what the search index holds of a public item.
type indexDoc struct {
	ID          int64
	AgencyID    int64
	ColumnID    int64
	Topic       string
	Genre       string
	Validity    string
	PublishedAt time.Time
	Title       string // with the 文号
	Body        string // body and attachment text
}

// filterTokens returns the tokens that let the index answer the portal's
// filters (search.ColumnToken and the others).
func (d indexDoc) filterTokens() string {
	toks := []string{search.AgencyToken(d.AgencyID), search.ValidityToken(d.Validity)}
	if d.ColumnID != 0 {
		toks = append(toks, search.ColumnToken(d.ColumnID))
	}
	if d.Topic != "" {
		toks = append(toks, search.TopicToken(d.Topic))
	}
	if d.Genre != "" {
		toks = append(toks, search.GenreToken(d.Genre))
	}
	return strings.Join(toks, " ")
}

// indexItem (re)writes the search index rows of an item: its title and
// 文号 (weighted above the rest), its body and its attachments' text.
func (db *DB) indexItem(ctx context.Context, tx *sqlx.Tx, itemID int64) error {
	if err := db.unindexItem(ctx, tx, itemID); err != nil {
		return err
	}
	var row struct {
		AgencyID    int64         `db:"agency_id"`
		ColumnID    sql.NullInt64 `db:"column_id"`
		Topic       string        `db:"topic"`
		Genre       string        `db:"genre"`
		Validity    string        `db:"validity"`
		PublishedAt sqlTime       `db:"published_at"`
		Title       string        `db:"title"`
		DocNo       string        `db:"doc_no"`
		BodyText    string        `db:"body_text"`
	}
	err := tx.GetContext(ctx, &row, tx.Rebind(`SELECT agency_id, column_id, topic, genre, validity, published_at,
		title, doc_no, body_text FROM catalog_items WHERE id = ?`), itemID)
	if err != nil {
		return fmt.Errorf("index item %d: %w", itemID, err)
	}
	var texts []string
	if err := tx.SelectContext(ctx, &texts, tx.Rebind(`SELECT text FROM catalog_attachments WHERE item_id = ? ORDER BY id`), itemID); err != nil {
		return fmt.Errorf("index attachments of %d: %w", itemID, err)
	}
	return db.writeIndex(ctx, tx, indexDoc{ID: itemID, AgencyID: row.AgencyID, ColumnID: row.ColumnID.Int64,
		Topic: row.Topic, Genre: row.Genre, Validity: row.Validity, PublishedAt: row.PublishedAt.Time,
		Title: row.Title + " " + row.DocNo, Body: row.BodyText + "\n" + strings.Join(texts, "\n")})
}

// writeIndex adds the index rows of an item not yet in the index, under
// its sort key (search.SortKey). SQLite keeps one FTS5 row an item, and
// one in the title index with the title and the filter tokens alone;
// PostgreSQL keeps positions up to 16383 only, so a long text is split in
// chunks (search.Chunks), each with the title and the filter tokens, and
// title_tsv with the title and the filter tokens alone; both also hold
// their Han characters (search.Chars), without positions. Each row's grams
// (search.Grams) are what GIN finds it by; tsv checks a phrase's
// positions.
func (db *DB) writeIndex(ctx context.Context, tx *sqlx.Tx, d indexDoc) error {
	key, err := search.SortKey(d.PublishedAt, d.ID)
	if err != nil {
		return fmt.Errorf("index item %d: %w", d.ID, err)
	}
	title, filters := search.Join(d.Title), d.filterTokens()
	if db.dialect == SQLite {
		if _, err := tx.ExecContext(ctx, `INSERT INTO catalog_search (id, item_id, chunk) VALUES (?, ?, 0)`, key, d.ID); err != nil {
			return fmt.Errorf("index item %d: %w", d.ID, err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO catalog_fts (rowid, title, body) VALUES (?, ?, ?)`, key, title, filters+" "+search.Join(d.Body))
		if err == nil {
			_, err = tx.ExecContext(ctx, `INSERT INTO catalog_fts_title (rowid, title) VALUES (?, ?)`, key, title+" "+filters)
		}
		if err != nil {
			return fmt.Errorf("index item %d: %w", d.ID, err)
		}
		return nil
	}
	titleChars := search.Chars(d.Title)
	for i, chunk := range search.Chunks(d.Body) {
		_, err := tx.ExecContext(ctx, `INSERT INTO catalog_search (item_id, chunk, sort_key, agency_id, tsv, title_tsv, grams)
			VALUES ($1, $2, $3, $4, setweight(to_tsvector('simple', $5), 'A') || to_tsvector('simple', $6) || strip(to_tsvector('simple', $7)),
				to_tsvector('simple', $8) || strip(to_tsvector('simple', $9)), strip(to_tsvector('simple', $10)))`,
			d.ID, i, key, d.AgencyID, title, filters+" "+chunk, search.Chars(d.Title+" "+chunk), title+" "+filters, titleChars,
			search.Grams(title, chunk, filters))
		if err != nil {
			return fmt.Errorf("index item %d: %w", d.ID, err)
		}
	}
	return nil
}

// unindexItem removes an item from the search index.
func (db *DB) unindexItem(ctx context.Context, tx *sqlx.Tx, itemID int64) error {
	if db.dialect == SQLite {
		for _, table := range []string{"catalog_fts", "catalog_fts_title"} {
			_, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE rowid IN (SELECT id FROM catalog_search WHERE item_id = ?)`, itemID)
			if err != nil {
				return fmt.Errorf("unindex item %d: %w", itemID, err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM catalog_search WHERE item_id = ?`), itemID); err != nil {
		return fmt.Errorf("unindex item %d: %w", itemID, err)
	}
	return nil
}

// rebuildBatch is how many items one transaction of a rebuild indexes.
const rebuildBatch = 500

// rebuildWorkers is how many transactions of a rebuild run at once on
// PostgreSQL: about half of an item's indexing is this process's (reading
// it, cutting its text), half the server's, so one worker keeps a core of
// each busy. SQLite has one writer.
func (db *DB) rebuildWorkers() int {
	if db.dialect == SQLite {
		return 1
	}
	return min(max(runtime.GOMAXPROCS(0), 2), 4)
}

// reindex indexes the items with the given ids, a batch a transaction, the
// batches taken in order by rebuildWorkers workers, so the rows go in
// about the order of ids. It returns how many items it indexed.
func (db *DB) reindex(ctx context.Context, ids []int64) (int, error) {
	batches := make(chan []int64)
	var done atomic.Int64
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(batches)
		for start := 0; start < len(ids); start += rebuildBatch {
			select {
			case batches <- ids[start:min(start+rebuildBatch, len(ids))]:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})
	for range db.rebuildWorkers() {
		g.Go(func() error {
			for batch := range batches {
				err := db.tx(ctx, func(tx *sqlx.Tx) error {
					for _, id := range batch {
						if err := db.indexItem(ctx, tx, id); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					return err
				}
				n := done.Add(int64(len(batch)))
				if db.Log != nil && (n%20000 < rebuildBatch || n == int64(len(ids))) {
					db.Log.Info("rebuilding the search index", "items", n, "of", len(ids))
				}
			}
			return nil
		})
	}
	err := g.Wait()
	return int(done.Load()), err
}

// rebuildSearchIndex indexes every public item again when the index's
// layout is older than this code's (after migration 00007 emptied it), in
// the order of their sort keys (see reindex). Several app nodes starting
// together rebuild once. It returns how many items it indexed.
func (db *DB) rebuildSearchIndex(ctx context.Context) (int, error) {
	n := 0
	err := db.Exclusively(ctx, "search-index", func(ctx context.Context) error {
		var version int
		if err := db.write.GetContext(ctx, &version, `SELECT version FROM search_index WHERE id = 1`); err != nil {
			return err
		}
		if version >= db.searchIndexVersion() {
			return nil
		}
		var ids []int64
		err := db.write.SelectContext(ctx, &ids, `SELECT id FROM catalog_items
			WHERE attribute = 'proactive' AND state IN `+publicStates+` ORDER BY published_at, id`)
		if err != nil {
			return err
		}
		if n, err = db.reindex(ctx, ids); err != nil {
			return err
		}
		// One segment instead of the dozen the batches left: searches
		// seek every term in every segment.
		if _, err := db.OptimizeSearchIndex(ctx, 0); err != nil {
			return err
		}
		_, err = db.write.ExecContext(ctx, db.write.Rebind(`UPDATE search_index SET version = ? WHERE id = 1`), db.searchIndexVersion())
		return err
	})
	if err != nil {
		return n, fmt.Errorf("store: rebuild search index: %w", err)
	}
	return n, nil
}
