package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Text states of an attachment.
const (
	// TextPending is an attachment whose text has not been read yet.
	TextPending = "pending"
	// TextDone is an attachment whose text, or the reason it has none, is
	// known.
	TextDone = "done"
)

// TextPending reports whether the attachment's text is still being read.
func (a ItemAttachment) TextPending() bool { return a.TextState == TextPending }

// ClaimAttachmentText takes the oldest attachment whose text is pending and
// not claimed since staleBefore, and stamps it as claimed now, so that
// runners on several nodes never read the same file at once; ok is false
// when there is none. The claim lapses at staleBefore for a runner that
// stopped before SaveAttachmentText.
func (db *DB) ClaimAttachmentText(ctx context.Context, staleBefore time.Time) (a ItemAttachment, ok bool, err error) {
	ok, err = db.claimNext(ctx, "catalog_attachments", "text_state", "text_claimed_at",
		"id, item_id, name, content_type, size, blob_key, '' AS text, text_error, text_state, created_at", staleBefore, &a, func() int64 { return a.ID })
	if err != nil {
		return ItemAttachment{}, false, fmt.Errorf("store: claim an attachment's text: %w", err)
	}
	return a, ok, nil
}

// SaveAttachmentText stores what was read of a claimed attachment — its
// text, or the reason it has none — and scans its item again. An
// attachment removed in the meantime is left alone.
func (db *DB) SaveAttachmentText(ctx context.Context, id int64, text, textError string) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		var itemID int64
		err := tx.GetContext(ctx, &itemID, tx.Rebind(`UPDATE catalog_attachments SET text = ?, text_error = ?, text_state = 'done',
			text_claimed_at = NULL WHERE id = ? AND text_state = 'pending' RETURNING item_id`), text, textError, id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		it, err := db.itemTx(ctx, tx, itemID)
		if err != nil {
			return err
		}
		return db.rescan(ctx, tx, it)
	})
	if err != nil {
		return fmt.Errorf("store: save the text of attachment %d: %w", id, err)
	}
	return nil
}

// ReleaseAttachmentText gives up the claim of an attachment that could not
// be read now (the sandbox was busy), so any runner takes it again.
func (db *DB) ReleaseAttachmentText(ctx context.Context, id int64) error {
	_, err := db.write.ExecContext(ctx, db.write.Rebind(`UPDATE catalog_attachments SET text_claimed_at = NULL
		WHERE id = ? AND text_state = 'pending'`), id)
	if err != nil {
		return fmt.Errorf("store: release attachment %d: %w", id, err)
	}
	return nil
}
