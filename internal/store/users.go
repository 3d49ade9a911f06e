package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
)

type userRow struct {
	ID           int64   `db:"id"`
	Username     string  `db:"username"`
	DisplayName  string  `db:"display_name"`
	PasswordHash string  `db:"password_hash"`
	FailedLogins int     `db:"failed_logins"`
	LockedUntil  sqlTime `db:"locked_until"`
	Disabled     bool    `db:"disabled"`
	CreatedAt    sqlTime `db:"created_at"`
}

func (r userRow) user() auth.User {
	return auth.User{ID: r.ID, Username: r.Username, DisplayName: r.DisplayName, PasswordHash: r.PasswordHash,
		FailedLogins: r.FailedLogins, LockedUntil: r.LockedUntil.Time, Disabled: r.Disabled, CreatedAt: r.CreatedAt.Time}
}

const userColumns = `id, username, display_name, password_hash, failed_logins, locked_until, disabled, created_at`

// userState is what the audit log keeps of a user: never the password hash.
type userState struct {
	Username    string `json:"username"`
	DisplayName string `json:"display_name"`
	Disabled    bool   `json:"disabled"`
	// RevokedTokens counts the API tokens a change revoked (disabling).
	RevokedTokens int64 `json:"revoked_api_tokens,omitempty"`
}

func stateOf(u *auth.User) userState {
	return userState{Username: u.Username, DisplayName: u.DisplayName, Disabled: u.Disabled}
}

// CreateUser stores a new user whose PasswordHash is already set, with its
// first roles, and records the change, all in one transaction; it sets u.ID.
func (db *DB) CreateUser(ctx context.Context, u *auth.User, c auditlog.Change, grants ...auth.Grant) error {
	if err := u.Validate(); err != nil {
		return err
	}
	u.CreatedAt = db.now()
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &u.ID, tx.Rebind(`INSERT INTO users
			(username, display_name, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`),
			u.Username, u.DisplayName, u.PasswordHash, u.Disabled, u.CreatedAt)
		if err != nil {
			if errors.Is(translate(err), errUnique) {
				return errs.Conflict("用户名 %s 已被使用", u.Username)
			}
			return err
		}
		c.Object, c.After = fmt.Sprintf("user:%d", u.ID), stateOf(u)
		if err := db.appendAudit(ctx, tx, c); err != nil {
			return err
		}
		for _, g := range grants {
			gc := c
			gc.Action = "role.grant"
			if err := db.grant(ctx, tx, u.ID, g, gc); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: create user %q: %w", u.Username, err)
	}
	return nil
}

// User returns the user with the given id.
func (db *DB) User(ctx context.Context, id int64) (*auth.User, error) {
	var r userRow
	err := db.read.GetContext(ctx, &r, db.read.Rebind(`SELECT `+userColumns+` FROM users WHERE id = ?`), id)
	if err != nil {
		return nil, fmt.Errorf("store: user %d: %w", id, notFound(err, "用户不存在"))
	}
	u := r.user()
	return &u, nil
}

// UserByUsername returns the user with the given username.
func (db *DB) UserByUsername(ctx context.Context, username string) (*auth.User, error) {
	var r userRow
	err := db.read.GetContext(ctx, &r, db.read.Rebind(`SELECT `+userColumns+` FROM users WHERE username = ?`), username)
	if err != nil {
		return nil, fmt.Errorf("store: user %q: %w", username, notFound(err, "用户不存在"))
	}
	u := r.user()
	return &u, nil
}

// Users lists users, by username. With agencyIDs set, only those holding a
// role in one of those agencies.
func (db *DB) Users(ctx context.Context, agencyIDs []int64) ([]auth.User, error) {
	q, args := `SELECT `+userColumns+` FROM users ORDER BY username`, []any(nil)
	if agencyIDs != nil {
		if len(agencyIDs) == 0 {
			return nil, nil
		}
		var err error
		q, args, err = sqlx.In(`SELECT `+userColumns+` FROM users WHERE id IN
			(SELECT user_id FROM user_roles WHERE agency_id IN (?)) ORDER BY username`, agencyIDs)
		if err != nil {
			return nil, fmt.Errorf("store: users: %w", err)
		}
	}
	var rows []userRow
	if err := db.read.SelectContext(ctx, &rows, db.read.Rebind(q), args...); err != nil {
		return nil, fmt.Errorf("store: users: %w", err)
	}
	out := make([]auth.User, len(rows))
	for i, r := range rows {
		out[i] = r.user()
	}
	return out, nil
}

// SetPassword replaces a user's password hash, unlocks the account, ends
// every session of the user and records the change.
func (db *DB) SetPassword(ctx context.Context, userID int64, hash string, c auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE users SET password_hash = ?, failed_logins = 0,
			locked_until = NULL WHERE id = ?`), hash, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errs.NotFound("用户不存在")
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM sessions WHERE user_id = ?`), userID); err != nil {
			return err
		}
		c.Object = fmt.Sprintf("user:%d", userID)
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: set password of user %d: %w", userID, err)
	}
	return nil
}

// SetDisabled disables or re-enables a user. Disabling ends its sessions
// and revokes its API tokens for good, so re-enabling the user later does
// not bring back secrets that may have leaked meanwhile.
func (db *DB) SetDisabled(ctx context.Context, userID int64, disabled bool, c auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		var before userRow
		if err := tx.GetContext(ctx, &before, tx.Rebind(`SELECT `+userColumns+` FROM users WHERE id = ?`), userID); err != nil {
			return notFound(err, "用户不存在")
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE users SET disabled = ? WHERE id = ?`), disabled, userID); err != nil {
			return err
		}
		var revoked int64
		if disabled {
			if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM sessions WHERE user_id = ?`), userID); err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE api_tokens SET revoked_at = ?
				WHERE user_id = ? AND revoked_at IS NULL`), db.now(), userID)
			if err != nil {
				return err
			}
			if revoked, err = res.RowsAffected(); err != nil {
				return err
			}
		}
		b := before.user()
		after := b
		after.Disabled = disabled
		afterState := stateOf(&after)
		afterState.RevokedTokens = revoked
		c.Object, c.Before, c.After = fmt.Sprintf("user:%d", userID), stateOf(&b), afterState
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: disable user %d: %w", userID, err)
	}
	return nil
}

// RecordLoginFailure counts a failed login of an account that is not
// locked at now and, when lockFor of the new count is positive, locks the
// account that long and records the lock with change c, all in one
// transaction. A failure while the account is locked is not counted, so
// nobody can lengthen a lock by trying on.
func (db *DB) RecordLoginFailure(ctx context.Context, userID int64, now time.Time, lockFor func(failures int) time.Duration, c auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		var failed []int
		err := tx.SelectContext(ctx, &failed, tx.Rebind(`UPDATE users SET failed_logins = failed_logins + 1
			WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?) RETURNING failed_logins`), userID, now.UTC())
		if err != nil || len(failed) == 0 {
			return err // locked meanwhile (or gone): nothing to count
		}
		d := lockFor(failed[0])
		if d <= 0 {
			return nil
		}
		until := now.Add(d).UTC()
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE users SET locked_until = ? WHERE id = ?`), until, userID); err != nil {
			return err
		}
		c.Object, c.After = fmt.Sprintf("user:%d", userID), map[string]any{"failed_logins": failed[0], "locked_until": until}
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: record failed login of user %d: %w", userID, err)
	}
	return nil
}

// UnlockUser clears a user's failed logins and lock and records it with
// change c (a platform admin's unlock).
func (db *DB) UnlockUser(ctx context.Context, userID int64, c auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		var before struct {
			Failed int     `db:"failed_logins"`
			Until  sqlTime `db:"locked_until"`
		}
		err := tx.GetContext(ctx, &before, tx.Rebind(`SELECT failed_logins, locked_until FROM users WHERE id = ?`), userID)
		if err != nil {
			return notFound(err, "用户不存在")
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?`), userID); err != nil {
			return err
		}
		c.Object = fmt.Sprintf("user:%d", userID)
		c.Before = map[string]any{"failed_logins": before.Failed, "locked_until": before.Until.Time}
		c.After = map[string]any{"failed_logins": 0}
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: unlock user %d: %w", userID, err)
	}
	return nil
}
