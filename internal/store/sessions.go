package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
)

// StartSession completes a successful login in one transaction: it clears
// the user's failure count, stores the session and records the login with
// change c. It returns auth.ErrAccountLocked, storing nothing, when the account was
// locked at s.CreatedAt (by failures counted while the password was being
// checked).
func (db *DB) StartSession(ctx context.Context, s *auth.Session, c auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE users SET failed_logins = 0, locked_until = NULL
			WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?)`), s.UserID, s.CreatedAt.UTC())
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return auth.ErrAccountLocked
		}
		_, err = tx.ExecContext(ctx, tx.Rebind(`INSERT INTO sessions
			(token_hash, user_id, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)`),
			s.TokenHash, s.UserID, s.CSRF, s.CreatedAt.UTC(), s.LastSeenAt.UTC())
		if err != nil {
			return err
		}
		c.Object = fmt.Sprintf("user:%d", s.UserID)
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: start session: %w", err)
	}
	return nil
}

// EndSessions ends one session (tokenHash set) or every session of the
// user (tokenHash empty) and records it with change c, in one transaction.
func (db *DB) EndSessions(ctx context.Context, userID int64, tokenHash string, c auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		q, args := `DELETE FROM sessions WHERE user_id = ?`, []any{userID}
		if tokenHash != "" {
			q, args = q+` AND token_hash = ?`, append(args, tokenHash)
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(q), args...); err != nil {
			return err
		}
		c.Object = fmt.Sprintf("user:%d", userID)
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: end sessions of user %d: %w", userID, err)
	}
	return nil
}

// Session returns the session stored under a token hash.
func (db *DB) Session(ctx context.Context, tokenHash string) (*auth.Session, error) {
	var r struct {
		TokenHash  string  `db:"token_hash"`
		UserID     int64   `db:"user_id"`
		CSRF       string  `db:"csrf"`
		CreatedAt  sqlTime `db:"created_at"`
		LastSeenAt sqlTime `db:"last_seen_at"`
	}
	err := db.read.GetContext(ctx, &r, db.read.Rebind(`SELECT token_hash, user_id, csrf, created_at, last_seen_at
		FROM sessions WHERE token_hash = ?`), tokenHash)
	if err != nil {
		return nil, fmt.Errorf("store: session: %w", notFound(err, "会话不存在或已过期"))
	}
	return &auth.Session{TokenHash: r.TokenHash, UserID: r.UserID, CSRF: r.CSRF,
		CreatedAt: r.CreatedAt.Time, LastSeenAt: r.LastSeenAt.Time}, nil
}

// TouchSession records that a session was used at now.
func (db *DB) TouchSession(ctx context.Context, tokenHash string, now time.Time) error {
	_, err := db.write.ExecContext(ctx, db.write.Rebind(`UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?`),
		now.UTC(), tokenHash)
	if err != nil {
		return fmt.Errorf("store: touch session: %w", err)
	}
	return nil
}

// DeleteSession removes one session without a record, as expiry does.
func (db *DB) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := db.write.ExecContext(ctx, db.write.Rebind(`DELETE FROM sessions WHERE token_hash = ?`), tokenHash); err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

// DeleteSessionsBefore removes sessions last used before cutoff, and
// returns how many it removed.
func (db *DB) DeleteSessionsBefore(ctx context.Context, cutoff time.Time) (int64, error) {
	res, err := db.write.ExecContext(ctx, db.write.Rebind(`DELETE FROM sessions WHERE last_seen_at < ?`), cutoff.UTC())
	if err != nil {
		return 0, fmt.Errorf("store: expire sessions: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}
