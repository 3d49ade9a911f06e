package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/search"
)

// indexItem (re)writes the search index rows of an item: its title and
// 文号 (weighted above the rest), its body and its attachments' text, as
// search tokens in chunks.
func (db *DB) indexItem(ctx context.Context, tx *sqlx.Tx, itemID int64) error {
	if err := db.unindexItem(ctx, tx, itemID); err != nil {
		return err
	}
	var doc struct {
		AgencyID int64  `db:"agency_id"`
		Title    string `db:"title"`
		DocNo    string `db:"doc_no"`
		BodyText string `db:"body_text"`
	}
	if err := tx.GetContext(ctx, &doc, tx.Rebind(`SELECT agency_id, title, doc_no, body_text FROM catalog_items WHERE id = ?`), itemID); err != nil {
		return fmt.Errorf("index item %d: %w", itemID, err)
	}
	var texts []string
	if err := tx.SelectContext(ctx, &texts, tx.Rebind(`SELECT text FROM catalog_attachments WHERE item_id = ? ORDER BY id`), itemID); err != nil {
		return fmt.Errorf("index attachments of %d: %w", itemID, err)
	}
	return db.writeIndex(ctx, tx, itemID, doc.AgencyID, doc.Title+" "+doc.DocNo, doc.BodyText+"\n"+strings.Join(texts, "\n"))
}

// writeIndex adds the index rows of an item not yet in the index: title
// (with the 文号) weighted above the body text. Each chunk also carries the
// agency's token (search.AgencyToken), so that a search within one agency
// intersects posting lists instead of filtering every match.
func (db *DB) writeIndex(ctx context.Context, tx *sqlx.Tx, itemID, agencyID int64, title, body string) error {
	titleTokens := search.Join(title)
	for i, chunk := range search.Chunks(body) {
		chunk = search.AgencyToken(agencyID) + " " + chunk
		t := ""
		if i == 0 {
			t = titleTokens
		}
		if err := db.insertChunk(ctx, tx, itemID, i, t, chunk); err != nil {
			return fmt.Errorf("index item %d: %w", itemID, err)
		}
	}
	return nil
}

func (db *DB) insertChunk(ctx context.Context, tx *sqlx.Tx, itemID int64, chunk int, title, body string) error {
	if db.dialect == Postgres {
		_, err := tx.ExecContext(ctx, `INSERT INTO catalog_search (item_id, chunk, tsv)
			VALUES ($1, $2, setweight(to_tsvector('simple', $3), 'A') || to_tsvector('simple', $4))`, itemID, chunk, title, body)
		return err
	}
	var id int64
	if err := tx.GetContext(ctx, &id, `INSERT INTO catalog_search (item_id, chunk) VALUES (?, ?) RETURNING id`, itemID, chunk); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO catalog_fts (rowid, title, body) VALUES (?, ?, ?)`, id, title, body)
	return err
}

// unindexItem removes an item from the search index.
func (db *DB) unindexItem(ctx context.Context, tx *sqlx.Tx, itemID int64) error {
	if db.dialect == SQLite {
		_, err := tx.ExecContext(ctx, `DELETE FROM catalog_fts WHERE rowid IN (SELECT id FROM catalog_search WHERE item_id = ?)`, itemID)
		if err != nil {
			return fmt.Errorf("unindex item %d: %w", itemID, err)
		}
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM catalog_search WHERE item_id = ?`), itemID); err != nil {
		return fmt.Errorf("unindex item %d: %w", itemID, err)
	}
	return nil
}
