package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
)

// rescan runs the privacy and secrecy scan over the item's title, body and
// attachment text and replaces its stored findings.
func (db *DB) rescan(ctx context.Context, tx *sqlx.Tx, it *catalog.Item) error {
	var words []string
	if err := tx.SelectContext(ctx, &words, tx.Rebind(`SELECT word FROM catalog_words WHERE agency_id = ? ORDER BY word`), it.AgencyID); err != nil {
		return fmt.Errorf("scan words: %w", err)
	}
	var atts []struct {
		Name string `db:"name"`
		Text string `db:"text"`
	}
	if err := tx.SelectContext(ctx, &atts, tx.Rebind(`SELECT name, text FROM catalog_attachments WHERE item_id = ? ORDER BY id`), it.ID); err != nil {
		return fmt.Errorf("scan attachments: %w", err)
	}
	sc := catalog.Scanner{Words: words, Today: calendar.DateOf(db.now())}
	found := sc.Scan("标题", it.Title)
	found = append(found, sc.Scan("正文", catalog.PlainText(it.Body))...)
	for _, a := range atts {
		found = append(found, sc.Scan(a.Name, a.Text)...)
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM catalog_findings WHERE item_id = ?`), it.ID); err != nil {
		return fmt.Errorf("scan clear: %w", err)
	}
	for _, f := range found {
		_, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO catalog_findings (item_id, kind, source, match, before_text, after_text)
			VALUES (?, ?, ?, ?, ?, ?)`), it.ID, f.Kind, f.Source, f.Match, f.Before, f.After)
		if err != nil {
			return fmt.Errorf("scan finding: %w", err)
		}
	}
	return nil
}

// Findings returns the findings of the latest scan of an item.
func (db *DB) Findings(ctx context.Context, itemID int64) ([]catalog.Finding, error) {
	var rows []struct {
		Kind   string `db:"kind"`
		Source string `db:"source"`
		Match  string `db:"match"`
		Before string `db:"before_text"`
		After  string `db:"after_text"`
	}
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT kind, source, match, before_text, after_text
		FROM catalog_findings WHERE item_id = ? ORDER BY id`), itemID)
	if err != nil {
		return nil, fmt.Errorf("store: findings of item %d: %w", itemID, err)
	}
	out := make([]catalog.Finding, len(rows))
	for i, r := range rows {
		out[i] = catalog.Finding{Kind: catalog.FindingKind(r.Kind), Source: r.Source, Match: r.Match, Before: r.Before, After: r.After}
	}
	return out, nil
}

// ScanWords returns the agency's own list of words the scan looks for.
func (db *DB) ScanWords(ctx context.Context, agencyID int64) ([]string, error) {
	var words []string
	err := db.read.SelectContext(ctx, &words, db.read.Rebind(`SELECT word FROM catalog_words WHERE agency_id = ? ORDER BY word`), agencyID)
	if err != nil {
		return nil, fmt.Errorf("store: scan words of %d: %w", agencyID, err)
	}
	return words, nil
}

// MaxScanWords bounds an agency's word list.
const MaxScanWords = 500

// SetScanWords replaces the agency's word list (one word a line in the
// form; blanks and duplicates dropped) and records the change.
func (db *DB) SetScanWords(ctx context.Context, agencyID int64, words []string, c auditlog.Change) error {
	seen := map[string]bool{}
	var clean []string
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" && !seen[w] {
			if len([]rune(w)) > 50 {
				return errs.Invalid("敏感词不能超过 50 字：%s", w)
			}
			seen[w] = true
			clean = append(clean, w)
		}
	}
	if len(clean) > MaxScanWords {
		return errs.Invalid("敏感词不能超过 %d 个", MaxScanWords)
	}
	sort.Strings(clean)
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		var before []string
		if err := tx.SelectContext(ctx, &before, tx.Rebind(`SELECT word FROM catalog_words WHERE agency_id = ? ORDER BY word`), agencyID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM catalog_words WHERE agency_id = ?`), agencyID); err != nil {
			return err
		}
		for _, w := range clean {
			if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO catalog_words (agency_id, word) VALUES (?, ?)`), agencyID, w); err != nil {
				return err
			}
		}
		c.AgencyID, c.Object, c.Before, c.After = agencyID, fmt.Sprintf("agency:%d:scan_words", agencyID), before, clean
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: set scan words of %d: %w", agencyID, err)
	}
	return nil
}
