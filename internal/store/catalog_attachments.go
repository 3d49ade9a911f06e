package store

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/errs"
)

// ItemAttachment is the metadata of a file attached to an item; the bytes are
// in the blob store under BlobKey, the extracted text here.
type ItemAttachment struct {
	ID          int64  `db:"id"`
	ItemID      int64  `db:"item_id"`
	Name        string `db:"name"`
	ContentType string `db:"content_type"`
	Size        int64  `db:"size"`
	BlobKey     string `db:"blob_key"`
	Text        string `db:"text"`
	TextError   string `db:"text_error"`
	// TextState is TextPending until a runner has read the file.
	TextState string  `db:"text_state"`
	Created   sqlTime `db:"created_at"`
}

// CreatedAt returns when the file was attached.
func (a ItemAttachment) CreatedAt() time.Time { return a.Created.Time }

// BlobDir is the folder for attachment files: "blobs" beside the SQLite
// file, or data/blobs under the working folder on PostgreSQL.
func (db *DB) BlobDir() string {
	if db.Path != "" {
		return filepath.Join(filepath.Dir(db.Path), "blobs")
	}
	return filepath.Join("data", "blobs")
}

// textState is the state an attachment is stored in: TextDone unless set.
func (a *ItemAttachment) textState() string {
	if a.TextState == "" {
		return TextDone
	}
	return a.TextState
}

// AddAttachment attaches a stored file to a draft of the agency, rescans
// the item and records the change; it sets a.ID.
func (db *DB) AddAttachment(ctx context.Context, agencyID int64, a *ItemAttachment, c auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		it, err := db.itemTx(ctx, tx, a.ItemID)
		if err != nil {
			return err
		}
		if it.AgencyID != agencyID {
			return errs.NotFound("信息不存在")
		}
		if !it.State.Editable() {
			return errs.Conflict("「%s」状态的信息不能添加附件", it.State.Label())
		}
		a.Created = sqlTime{Time: db.now(), Valid: true}
		err = tx.GetContext(ctx, &a.ID, tx.Rebind(`INSERT INTO catalog_attachments
			(item_id, name, content_type, size, blob_key, text, text_error, text_state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			a.ItemID, a.Name, a.ContentType, a.Size, a.BlobKey, a.Text, a.TextError, a.textState(), a.Created.Time)
		if err != nil {
			return err
		}
		if err := db.rescan(ctx, tx, it); err != nil {
			return err
		}
		c.AgencyID, c.Object = agencyID, fmt.Sprintf("item:%d", it.ID)
		c.After = map[string]any{"attachment": a.Name, "size": a.Size, "blob": a.BlobKey}
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: attach %q to item %d: %w", a.Name, a.ItemID, err)
	}
	return nil
}

// RemoveAttachment detaches a file from a draft of the agency and rescans.
func (db *DB) RemoveAttachment(ctx context.Context, agencyID, itemID, attID int64, c auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		it, err := db.itemTx(ctx, tx, itemID)
		if err != nil || it.AgencyID != agencyID {
			return errs.NotFound("信息不存在")
		}
		if !it.State.Editable() {
			return errs.Conflict("「%s」状态的信息不能删除附件", it.State.Label())
		}
		var name string
		if err := tx.GetContext(ctx, &name, tx.Rebind(`DELETE FROM catalog_attachments WHERE id = ? AND item_id = ? RETURNING name`), attID, itemID); err != nil {
			return notFound(err, "附件不存在")
		}
		if err := db.rescan(ctx, tx, it); err != nil {
			return err
		}
		c.AgencyID, c.Object, c.Before = agencyID, fmt.Sprintf("item:%d", itemID), map[string]any{"attachment": name}
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: remove attachment %d: %w", attID, err)
	}
	return nil
}

// Attachments lists an item's attachments.
func (db *DB) Attachments(ctx context.Context, itemID int64) ([]ItemAttachment, error) {
	var out []ItemAttachment
	err := db.read.SelectContext(ctx, &out, db.read.Rebind(`SELECT id, item_id, name, content_type, size, blob_key, '' AS text,
		text_error, text_state, created_at FROM catalog_attachments WHERE item_id = ? ORDER BY id`), itemID)
	if err != nil {
		return nil, fmt.Errorf("store: attachments of %d: %w", itemID, err)
	}
	return out, nil
}

// AttachmentBlobKeys returns the blob key of every attachment the database
// refers to, of every item in every state, of every application's
// attachments and of every file of an audit job not yet removed: the files
// blob.Prune must keep.
func (db *DB) AttachmentBlobKeys(ctx context.Context) (map[string]bool, error) {
	var keys []string
	if err := db.read.SelectContext(ctx, &keys, `SELECT blob_key FROM catalog_attachments
		UNION SELECT blob_key FROM audit_job_files UNION SELECT blob_key FROM case_attachments WHERE blob_key <> ''`); err != nil {
		return nil, fmt.Errorf("store: attachment blob keys: %w", err)
	}
	out := make(map[string]bool, len(keys))
	for _, k := range keys {
		out[k] = true
	}
	return out, nil
}
