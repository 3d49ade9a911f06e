package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
)

// Taxonomy returns an agency's 主题分类 or 体裁分类 in order: the entries it
// stored, or catalog.DefaultTaxonomy when it never changed them.
func (db *DB) Taxonomy(ctx context.Context, agencyID int64, kind catalog.TaxonomyKind) (catalog.Taxonomy, error) {
	t, err := taxonomy(ctx, db.read, agencyID, kind)
	if err != nil {
		return catalog.Taxonomy{}, fmt.Errorf("store: %s of agency %d: %w", kind, agencyID, err)
	}
	return t, nil
}

func taxonomy(ctx context.Context, q sqlx.ExtContext, agencyID int64, kind catalog.TaxonomyKind) (catalog.Taxonomy, error) {
	t := catalog.Taxonomy{Kind: kind}
	err := sqlx.SelectContext(ctx, q, &t.Entries, q.Rebind(`SELECT code, label FROM catalog_taxonomy_entries
		WHERE agency_id = ? AND kind = ? ORDER BY position, code`), agencyID, string(kind))
	if err != nil {
		return catalog.Taxonomy{}, err
	}
	if len(t.Entries) == 0 {
		return catalog.DefaultTaxonomy(kind), nil
	}
	return t, nil
}

// itemColumn is the catalog_items column that holds a kind's code.
var itemColumn = map[catalog.TaxonomyKind]string{catalog.ThemeKind: "topic", catalog.GenreKind: "genre"}

// SetTaxonomy replaces an agency's taxonomy of t.Kind with t, in t's order,
// and records the entries before and after. Items keep their codes, so a
// renamed label shows on them at once; an entry that items of the agency
// still use cannot be removed (a conflict naming how many).
func (db *DB) SetTaxonomy(ctx context.Context, agencyID int64, t catalog.Taxonomy, c auditlog.Change) error {
	if err := t.Validate(); err != nil {
		return err
	}
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		before, err := taxonomy(ctx, tx, agencyID, t.Kind)
		if err != nil {
			return err
		}
		for _, e := range before.Entries {
			if t.Has(e.Code) {
				continue
			}
			var n int
			err := tx.GetContext(ctx, &n, tx.Rebind(`SELECT COUNT(*) FROM catalog_items WHERE agency_id = ? AND `+
				itemColumn[t.Kind]+` = ?`), agencyID, e.Code)
			if err != nil {
				return err
			}
			if n > 0 {
				return errs.Conflict("%s「%s」仍有 %d 条信息使用，不能删除；可以改名，或先修改这些信息的分类", t.Kind.Label(), e.Label, n)
			}
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM catalog_taxonomy_entries WHERE agency_id = ? AND kind = ?`),
			agencyID, string(t.Kind)); err != nil {
			return err
		}
		for i, e := range t.Entries {
			if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO catalog_taxonomy_entries (agency_id, kind, code, label, position)
				VALUES (?, ?, ?, ?, ?)`), agencyID, string(t.Kind), e.Code, e.Label, i); err != nil {
				return err
			}
		}
		c.AgencyID, c.Object = agencyID, fmt.Sprintf("agency:%d:taxonomy:%s", agencyID, t.Kind)
		c.Before, c.After = before.Entries, t.Entries
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: set %s of agency %d: %w", t.Kind, agencyID, err)
	}
	return nil
}
