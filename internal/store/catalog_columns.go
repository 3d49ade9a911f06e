package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
)

type columnRow struct {
	ID       int64  `db:"id"`
	AgencyID int64  `db:"agency_id"`
	ParentID *int64 `db:"parent_id"`
	Name     string `db:"name"`
	Position int    `db:"position"`
}

// Columns returns an agency's columns, each top-level column followed by
// its sub-columns, in their positions.
func (db *DB) Columns(ctx context.Context, agencyID int64) ([]catalog.Column, error) {
	var rows []columnRow
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT id, agency_id, parent_id, name, position
		FROM catalog_columns WHERE agency_id = ? ORDER BY position, id`), agencyID)
	if err != nil {
		return nil, fmt.Errorf("store: columns of agency %d: %w", agencyID, err)
	}
	var top []catalog.Column
	kids := map[int64][]catalog.Column{}
	for _, r := range rows {
		c := catalog.Column{ID: r.ID, AgencyID: r.AgencyID, Name: r.Name, Position: r.Position}
		if r.ParentID != nil {
			c.ParentID = *r.ParentID
			kids[c.ParentID] = append(kids[c.ParentID], c)
			continue
		}
		top = append(top, c)
	}
	out := make([]catalog.Column, 0, len(rows))
	for _, c := range top {
		out = append(out, c)
		out = append(out, kids[c.ID]...)
	}
	return out, nil
}

// SaveColumn creates (ID 0) or renames and moves a column of an agency and
// records the change; it sets c.ID. Columns nest one level only.
func (db *DB) SaveColumn(ctx context.Context, c *catalog.Column, ch auditlog.Change) error {
	if err := c.Validate(); err != nil {
		return err
	}
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		if c.ParentID != 0 {
			var parent columnRow
			err := tx.GetContext(ctx, &parent, tx.Rebind(`SELECT id, agency_id, parent_id, name, position FROM catalog_columns WHERE id = ?`), c.ParentID)
			if err != nil || parent.AgencyID != c.AgencyID {
				return errs.Invalid("上级栏目不存在")
			}
			if parent.ParentID != nil {
				return errs.Invalid("栏目最多两级")
			}
		}
		var err error
		if c.ID == 0 {
			err = tx.GetContext(ctx, &c.ID, tx.Rebind(`INSERT INTO catalog_columns (agency_id, parent_id, name, position)
				VALUES (?, ?, ?, ?) RETURNING id`), c.AgencyID, nullID(c.ParentID), c.Name, c.Position)
		} else {
			var res interface{ RowsAffected() (int64, error) }
			res, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE catalog_columns SET parent_id = ?, name = ?, position = ?
				WHERE id = ? AND agency_id = ?`), nullID(c.ParentID), c.Name, c.Position, c.ID, c.AgencyID)
			if err == nil {
				if n, _ := res.RowsAffected(); n == 0 {
					return errs.NotFound("栏目不存在")
				}
			}
		}
		if err != nil {
			if errors.Is(translate(err), errUnique) {
				return errs.Conflict("已有同名栏目「%s」", c.Name)
			}
			return err
		}
		ch.AgencyID, ch.Object, ch.After = c.AgencyID, fmt.Sprintf("column:%d", c.ID), c
		return db.appendAudit(ctx, tx, ch)
	})
	if err != nil {
		return fmt.Errorf("store: save column %q: %w", c.Name, err)
	}
	return nil
}
