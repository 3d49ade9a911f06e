package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/errs"
)

type agencyRow struct {
	ID        int64   `db:"id"`
	ParentID  *int64  `db:"parent_id"`
	Name      string  `db:"name"`
	Code      string  `db:"code"`
	Kind      string  `db:"kind"`
	Office    string  `db:"office"`
	Address   string  `db:"address"`
	Phone     string  `db:"phone"`
	Email     string  `db:"email"`
	Hours     string  `db:"hours"`
	CreatedAt sqlTime `db:"created_at"`
}

func (r agencyRow) agency() agency.Agency {
	a := agency.Agency{ID: r.ID, Name: r.Name, Code: r.Code, Kind: agency.Kind(r.Kind), Office: r.Office,
		Address: r.Address, Phone: r.Phone, Email: r.Email, Hours: r.Hours, CreatedAt: r.CreatedAt.Time}
	if r.ParentID != nil {
		a.ParentID = *r.ParentID
	}
	return a
}

const agencyColumns = `id, parent_id, name, code, kind, office, address, phone, email, hours, created_at`

// CreateAgency stores a new agency and records the change; it sets a.ID.
func (db *DB) CreateAgency(ctx context.Context, a *agency.Agency, c auditlog.Change) error {
	if err := a.Validate(); err != nil {
		return err
	}
	a.CreatedAt = db.now()
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &a.ID, tx.Rebind(`INSERT INTO agencies
			(parent_id, name, code, kind, office, address, phone, email, hours, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			nullID(a.ParentID), a.Name, a.Code, a.Kind, a.Office, a.Address, a.Phone, a.Email, a.Hours, a.CreatedAt)
		if err != nil {
			return agencyError(err)
		}
		c.AgencyID, c.Object, c.After = a.ID, fmt.Sprintf("agency:%d", a.ID), a
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: create agency %q: %w", a.Name, err)
	}
	return nil
}

// UpdateAgency saves an agency's details and records before and after.
func (db *DB) UpdateAgency(ctx context.Context, a *agency.Agency, c auditlog.Change) error {
	if err := a.Validate(); err != nil {
		return err
	}
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		var before agencyRow
		err := tx.GetContext(ctx, &before, tx.Rebind(`SELECT `+agencyColumns+` FROM agencies WHERE id = ?`), a.ID)
		if err != nil {
			return notFound(err, "机关不存在")
		}
		all, err := db.agencies(ctx, tx)
		if err != nil {
			return err
		}
		if agency.NewTree(all).WouldCycle(a.ID, a.ParentID) {
			return errs.Invalid("上级机关不能是本机关或其下级机关")
		}
		_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE agencies SET parent_id = ?, name = ?, code = ?, kind = ?,
			office = ?, address = ?, phone = ?, email = ?, hours = ? WHERE id = ?`),
			nullID(a.ParentID), a.Name, a.Code, a.Kind, a.Office, a.Address, a.Phone, a.Email, a.Hours, a.ID)
		if err != nil {
			return agencyError(err)
		}
		a.CreatedAt = before.CreatedAt.Time
		c.AgencyID, c.Object, c.Before, c.After = a.ID, fmt.Sprintf("agency:%d", a.ID), before.agency(), a
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: update agency %d: %w", a.ID, err)
	}
	return nil
}

func agencyError(err error) error {
	err = translate(err)
	switch {
	case errors.Is(err, errUnique):
		return errs.Conflict("已有同名或同代码的机关")
	case errors.Is(err, errForeignKey):
		return errs.Invalid("上级机关不存在")
	}
	return err
}

// Agency returns the agency with the given id.
func (db *DB) Agency(ctx context.Context, id int64) (*agency.Agency, error) {
	var r agencyRow
	err := db.read.GetContext(ctx, &r, db.read.Rebind(`SELECT `+agencyColumns+` FROM agencies WHERE id = ?`), id)
	if err != nil {
		return nil, fmt.Errorf("store: agency %d: %w", id, notFound(err, "机关不存在"))
	}
	a := r.agency()
	return &a, nil
}

// AgencyByNameOrCode finds an agency by its exact name or code, as the
// command line names them.
func (db *DB) AgencyByNameOrCode(ctx context.Context, key string) (*agency.Agency, error) {
	var r agencyRow
	err := db.read.GetContext(ctx, &r, db.read.Rebind(`SELECT `+agencyColumns+
		` FROM agencies WHERE name = ? OR code = ? ORDER BY id LIMIT 1`), key, key)
	if err != nil {
		return nil, fmt.Errorf("store: agency %q: %w", key, notFound(err, "找不到机关 "+key))
	}
	a := r.agency()
	return &a, nil
}

// Agencies lists every agency, parents before children where ids allow,
// ordered by id.
func (db *DB) Agencies(ctx context.Context) ([]agency.Agency, error) {
	return db.agencies(ctx, db.read)
}

func (db *DB) agencies(ctx context.Context, q sqlx.QueryerContext) ([]agency.Agency, error) {
	var rows []agencyRow
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT `+agencyColumns+` FROM agencies ORDER BY id`); err != nil {
		return nil, fmt.Errorf("store: agencies: %w", err)
	}
	out := make([]agency.Agency, len(rows))
	for i, r := range rows {
		out[i] = r.agency()
	}
	return out, nil
}
