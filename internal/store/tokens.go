package store

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
)

type tokenRow struct {
	ID         int64   `db:"id"`
	UserID     int64   `db:"user_id"`
	Name       string  `db:"name"`
	TokenHash  string  `db:"token_hash"`
	CreatedAt  sqlTime `db:"created_at"`
	LastUsedAt sqlTime `db:"last_used_at"`
	RevokedAt  sqlTime `db:"revoked_at"`
}

func (r tokenRow) token() auth.APIToken {
	return auth.APIToken{ID: r.ID, UserID: r.UserID, Name: r.Name, TokenHash: r.TokenHash,
		CreatedAt: r.CreatedAt.Time, LastUsedAt: r.LastUsedAt.Time, RevokedAt: r.RevokedAt.Time}
}

const tokenColumns = `id, user_id, name, token_hash, created_at, last_used_at, revoked_at`

// CreateAPIToken stores a new API token and records it; it sets t.ID.
func (db *DB) CreateAPIToken(ctx context.Context, t *auth.APIToken, c auditlog.Change) error {
	t.Name = strings.TrimSpace(t.Name)
	if t.Name == "" || utf8.RuneCountInString(t.Name) > 100 {
		return errs.Invalid("请为令牌填写用途（不超过100字）")
	}
	t.CreatedAt = db.now()
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &t.ID, tx.Rebind(`INSERT INTO api_tokens (user_id, name, token_hash, created_at)
			VALUES (?, ?, ?, ?) RETURNING id`), t.UserID, t.Name, t.TokenHash, t.CreatedAt)
		if err != nil {
			return err
		}
		c.Object, c.After = fmt.Sprintf("api_token:%d", t.ID), map[string]any{"user_id": t.UserID, "name": t.Name}
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: create api token: %w", err)
	}
	return nil
}

// APITokenByHash returns the live (not revoked) token with the given hash.
func (db *DB) APITokenByHash(ctx context.Context, hash string) (*auth.APIToken, error) {
	var r tokenRow
	err := db.read.GetContext(ctx, &r, db.read.Rebind(`SELECT `+tokenColumns+
		` FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL`), hash)
	if err != nil {
		return nil, fmt.Errorf("store: api token: %w", notFound(err, "令牌无效"))
	}
	t := r.token()
	return &t, nil
}

// APITokens lists a user's tokens, revoked ones included.
func (db *DB) APITokens(ctx context.Context, userID int64) ([]auth.APIToken, error) {
	var rows []tokenRow
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT `+tokenColumns+
		` FROM api_tokens WHERE user_id = ? ORDER BY id`), userID)
	if err != nil {
		return nil, fmt.Errorf("store: api tokens of user %d: %w", userID, err)
	}
	out := make([]auth.APIToken, len(rows))
	for i, r := range rows {
		out[i] = r.token()
	}
	return out, nil
}

// TouchAPIToken records that a token was used at now.
func (db *DB) TouchAPIToken(ctx context.Context, id int64, now time.Time) error {
	_, err := db.write.ExecContext(ctx, db.write.Rebind(`UPDATE api_tokens SET last_used_at = ? WHERE id = ?`), now.UTC(), id)
	if err != nil {
		return fmt.Errorf("store: touch api token %d: %w", id, err)
	}
	return nil
}

// RevokeAPIToken revokes a token of the given user.
func (db *DB) RevokeAPIToken(ctx context.Context, userID, id int64, c auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE api_tokens SET revoked_at = ?
			WHERE id = ? AND user_id = ? AND revoked_at IS NULL`), db.now(), id, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errs.NotFound("令牌不存在或已撤销")
		}
		c.Object = fmt.Sprintf("api_token:%d", id)
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: revoke api token %d: %w", id, err)
	}
	return nil
}
