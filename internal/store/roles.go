package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
)

type grantState struct {
	UserID   int64     `json:"user_id"`
	Role     auth.Role `json:"role"`
	AgencyID int64     `json:"agency_id,omitempty"`
}

// Grant gives a user a role in an agency (agency 0 for platform_admin).
func (db *DB) Grant(ctx context.Context, userID int64, g auth.Grant, c auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error { return db.grant(ctx, tx, userID, g, c) })
	if err != nil {
		return fmt.Errorf("store: grant %s to user %d: %w", g.Role, userID, err)
	}
	return nil
}

func (db *DB) grant(ctx context.Context, tx *sqlx.Tx, userID int64, g auth.Grant, c auditlog.Change) error {
	if err := validGrant(g); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO user_roles (user_id, agency_id, role) VALUES (?, ?, ?)`),
		userID, nullID(g.AgencyID), g.Role)
	if err != nil {
		err = translate(err)
		switch {
		case errors.Is(err, errUnique):
			return errs.Conflict("该用户已有此角色")
		case errors.Is(err, errForeignKey):
			return errs.NotFound("用户或机关不存在")
		}
		return err
	}
	c.AgencyID, c.Object, c.After = g.AgencyID, fmt.Sprintf("user:%d", userID), grantState{userID, g.Role, g.AgencyID}
	return db.appendAudit(ctx, tx, c)
}

// Revoke takes a role away from a user.
func (db *DB) Revoke(ctx context.Context, userID int64, g auth.Grant, c auditlog.Change) error {
	if err := validGrant(g); err != nil {
		return err
	}
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM user_roles
			WHERE user_id = ? AND role = ? AND COALESCE(agency_id, 0) = ?`), userID, g.Role, g.AgencyID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errs.NotFound("该用户没有此角色")
		}
		c.AgencyID, c.Object, c.Before = g.AgencyID, fmt.Sprintf("user:%d", userID), grantState{userID, g.Role, g.AgencyID}
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: revoke %s from user %d: %w", g.Role, userID, err)
	}
	return nil
}

func validGrant(g auth.Grant) error {
	switch {
	case !g.Role.Valid():
		return errs.Invalid("未知角色 %s", g.Role)
	case g.Role == auth.PlatformAdmin && g.AgencyID != 0:
		return errs.Invalid("平台管理员角色不属于某个机关")
	case g.Role != auth.PlatformAdmin && g.AgencyID == 0:
		return errs.Invalid("请选择机关")
	}
	return nil
}

// Grants lists the roles a user holds.
func (db *DB) Grants(ctx context.Context, userID int64) ([]auth.Grant, error) {
	var rows []struct {
		Role     string `db:"role"`
		AgencyID int64  `db:"agency_id"`
	}
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT role, COALESCE(agency_id, 0) AS agency_id
		FROM user_roles WHERE user_id = ? ORDER BY agency_id, role`), userID)
	if err != nil {
		return nil, fmt.Errorf("store: grants of user %d: %w", userID, err)
	}
	out := make([]auth.Grant, len(rows))
	for i, r := range rows {
		out[i] = auth.Grant{Role: auth.Role(r.Role), AgencyID: r.AgencyID}
	}
	return out, nil
}
