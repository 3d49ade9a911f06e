package store

import (
	"context"
	"fmt"
	"time"

	"github.com/gongkai/gongkai/internal/auth"
)

// CreateSession stores a new session.
func (db *DB) CreateSession(ctx context.Context, s *auth.Session) error {
	_, err := db.write.ExecContext(ctx, db.write.Rebind(`INSERT INTO sessions
		(token_hash, user_id, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)`),
		s.TokenHash, s.UserID, s.CSRF, s.CreatedAt.UTC(), s.LastSeenAt.UTC())
	if err != nil {
		return fmt.Errorf("store: create session: %w", err)
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

// DeleteSession ends one session.
func (db *DB) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := db.write.ExecContext(ctx, db.write.Rebind(`DELETE FROM sessions WHERE token_hash = ?`), tokenHash); err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions ends every session of a user ("log out everywhere").
func (db *DB) DeleteUserSessions(ctx context.Context, userID int64) error {
	if _, err := db.write.ExecContext(ctx, db.write.Rebind(`DELETE FROM sessions WHERE user_id = ?`), userID); err != nil {
		return fmt.Errorf("store: delete sessions of user %d: %w", userID, err)
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
