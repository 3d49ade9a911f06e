package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/cases"
)

// States of a notification in the outbox.
const (
	// OutboxPending is a notification not sent yet: new, or waiting to be
	// tried again after a failure.
	OutboxPending = "pending"
	// OutboxSent is a notification the mail server accepted.
	OutboxSent = "sent"
	// OutboxFailed is a notification given up after too many failures; its
	// last error says why.
	OutboxFailed = "failed"
)

// Notification is one message of the outbox: what the applicant of a case
// is told of a step, and how its delivery went.
type Notification struct {
	ID            int64
	CaseID        int64
	Channel       string // "email"
	cases.Notice         // recipient, query number, kind, text, status path
	State         string
	Attempts      int
	LastError     string
	CreatedAt     time.Time
	NextAttemptAt time.Time
	SentAt        time.Time // zero until sent
}

type notificationRow struct {
	ID            int64   `db:"id"`
	CaseID        int64   `db:"case_id"`
	Channel       string  `db:"channel"`
	Recipient     string  `db:"recipient"`
	QueryNo       string  `db:"query_no"`
	Kind          string  `db:"kind"`
	Text          string  `db:"text"`
	Path          string  `db:"path"`
	State         string  `db:"state"`
	Attempts      int     `db:"attempts"`
	LastError     string  `db:"last_error"`
	CreatedAt     sqlTime `db:"created_at"`
	NextAttemptAt sqlTime `db:"next_attempt_at"`
	SentAt        sqlTime `db:"sent_at"`
}

const notificationColumns = `id, case_id, channel, recipient, query_no, kind, text, path, state, attempts, last_error,
	created_at, next_attempt_at, sent_at`

func (r notificationRow) notification() Notification {
	return Notification{ID: r.ID, CaseID: r.CaseID, Channel: r.Channel,
		Notice: cases.Notice{To: r.Recipient, QueryNo: r.QueryNo, Kind: r.Kind, Text: r.Text, Path: r.Path},
		State:  r.State, Attempts: r.Attempts, LastError: r.LastError, CreatedAt: r.CreatedAt.Time,
		NextAttemptAt: r.NextAttemptAt.Time, SentAt: r.SentAt.Time}
}

// queueNotice writes the notice of ev for c's applicant, if the step
// concerns them and they gave an e-mail address, in the step's transaction:
// the notification exists exactly when the step does.
func (db *DB) queueNotice(ctx context.Context, tx *sqlx.Tx, c *cases.Case, ev cases.Event) error {
	n, ok := cases.ApplicantNotice(c, ev)
	if !ok {
		return nil
	}
	now := db.now()
	_, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO outbox (case_id, channel, recipient, query_no, kind, text, path, created_at, next_attempt_at)
		VALUES (?, 'email', ?, ?, ?, ?, ?, ?, ?)`), c.ID, n.To, n.QueryNo, n.Kind, n.Text, n.Path, now, now)
	if err != nil {
		return fmt.Errorf("outbox %s: %w", ev.Kind, err)
	}
	return nil
}

// ClaimNotification takes the oldest pending notification that is due and
// not claimed since staleBefore, and stamps it as claimed now, so that
// senders on several nodes never send it at once; ok is false when there is
// none. A sender that stops between the claim and SentNotification leaves
// the claim to lapse at staleBefore, and the notification is taken again.
func (db *DB) ClaimNotification(ctx context.Context, staleBefore time.Time) (n Notification, ok bool, err error) {
	var r notificationRow
	ok, err = db.claimNextDue(ctx, "outbox", "state", "claimed_at", "next_attempt_at", notificationColumns,
		staleBefore, db.now(), &r, func() int64 { return r.ID })
	if err != nil {
		return Notification{}, false, fmt.Errorf("store: claim a notification: %w", err)
	}
	return r.notification(), ok, nil
}

// SentNotification marks a claimed notification as sent now.
func (db *DB) SentNotification(ctx context.Context, id int64) error {
	now := db.now()
	_, err := db.write.ExecContext(ctx, db.write.Rebind(`UPDATE outbox SET state = 'sent', sent_at = ?, claimed_at = NULL,
		attempts = attempts + 1, last_error = '' WHERE id = ? AND state = 'pending'`), now, id)
	if err != nil {
		return fmt.Errorf("store: notification %d sent: %w", id, err)
	}
	return nil
}

// FailedNotification records a failed attempt at a claimed notification:
// the error, and when to try again; with giveUp it is marked failed and
// not tried again.
func (db *DB) FailedNotification(ctx context.Context, id int64, lastError string, next time.Time, giveUp bool) error {
	state := OutboxPending
	if giveUp {
		state = OutboxFailed
	}
	_, err := db.write.ExecContext(ctx, db.write.Rebind(`UPDATE outbox SET state = ?, claimed_at = NULL, attempts = attempts + 1,
		last_error = ?, next_attempt_at = ? WHERE id = ? AND state = 'pending'`), state, lastError, next.UTC().Truncate(time.Microsecond), id)
	if err != nil {
		return fmt.Errorf("store: notification %d failed: %w", id, err)
	}
	return nil
}

// CaseNotifications returns the notifications of a case, oldest first, for
// the back office.
func (db *DB) CaseNotifications(ctx context.Context, caseID int64) ([]Notification, error) {
	var rows []notificationRow
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT `+notificationColumns+` FROM outbox WHERE case_id = ? ORDER BY id`), caseID)
	if err != nil {
		return nil, fmt.Errorf("store: notifications of case %d: %w", caseID, err)
	}
	out := make([]Notification, len(rows))
	for i, r := range rows {
		out[i] = r.notification()
	}
	return out, nil
}
