package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// AuditJob is a batch of published reports uploaded to the auditor page.
type AuditJob struct {
	ID      int64   `db:"id"`
	UserID  int64   `db:"user_id"`
	Created sqlTime `db:"created_at"`
	Files   []AuditJobFile
}

// CreatedAt returns when the reports were uploaded.
func (j AuditJob) CreatedAt() time.Time { return j.Created.Time }

// Done counts the files already read.
func (j AuditJob) Done() int {
	n := 0
	for _, f := range j.Files {
		if f.State == TextDone {
			n++
		}
	}
	return n
}

// AuditJobFile is one report of a job: pending, or done with its result
// (an audit.Result as JSON) or the reason it could not be read.
type AuditJobFile struct {
	ID      int64  `db:"id"`
	JobID   int64  `db:"job_id"`
	Name    string `db:"name"`
	BlobKey string `db:"blob_key"`
	State   string `db:"state"`
	Result  string `db:"result"`
	Error   string `db:"error"`
}

// CreateAuditJob records a job of the given files, whose bytes are already
// in the blob store, for the user; a file given as done (refused before it
// was stored) keeps its reason. It sets j.ID and the files' IDs.
func (db *DB) CreateAuditJob(ctx context.Context, j *AuditJob) error {
	j.Created = sqlTime{Time: db.now(), Valid: true}
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &j.ID, tx.Rebind(`INSERT INTO audit_jobs (user_id, created_at) VALUES (?, ?) RETURNING id`), j.UserID, j.Created.Time)
		if err != nil {
			return err
		}
		for i := range j.Files {
			f := &j.Files[i]
			f.JobID = j.ID
			if f.State == "" {
				f.State = TextPending
			}
			err := tx.GetContext(ctx, &f.ID, tx.Rebind(`INSERT INTO audit_job_files (job_id, name, blob_key, state, error) VALUES (?, ?, ?, ?, ?) RETURNING id`),
				j.ID, f.Name, f.BlobKey, f.State, f.Error)
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: create audit job: %w", err)
	}
	return nil
}

// AuditJobOf returns a job of the user with its files in upload order; the
// jobs of other users are not found.
func (db *DB) AuditJobOf(ctx context.Context, userID, jobID int64) (*AuditJob, error) {
	var j AuditJob
	err := db.read.GetContext(ctx, &j, db.read.Rebind(`SELECT id, user_id, created_at FROM audit_jobs WHERE id = ? AND user_id = ?`), jobID, userID)
	if err != nil {
		return nil, notFound(err, "审查任务不存在或已过期")
	}
	err = db.read.SelectContext(ctx, &j.Files, db.read.Rebind(`SELECT id, job_id, name, blob_key, state, result, error
		FROM audit_job_files WHERE job_id = ? ORDER BY id`), jobID)
	if err != nil {
		return nil, fmt.Errorf("store: audit job %d: %w", jobID, err)
	}
	return &j, nil
}

// ClaimAuditFile takes the oldest pending file of any job not claimed since
// staleBefore, as ClaimAttachmentText does for attachments.
func (db *DB) ClaimAuditFile(ctx context.Context, staleBefore time.Time) (f AuditJobFile, ok bool, err error) {
	ok, err = db.claimNext(ctx, "audit_job_files", "state", "claimed_at",
		"id, job_id, name, blob_key, state, result, error", staleBefore, &f, func() int64 { return f.ID })
	if err != nil {
		return AuditJobFile{}, false, fmt.Errorf("store: claim an audit file: %w", err)
	}
	return f, ok, nil
}

// SaveAuditFile stores what was read of a claimed file: its result as
// JSON, or the reason it was not read.
func (db *DB) SaveAuditFile(ctx context.Context, id int64, result, reason string) error {
	_, err := db.write.ExecContext(ctx, db.write.Rebind(`UPDATE audit_job_files SET state = 'done', claimed_at = NULL, result = ?, error = ?
		WHERE id = ? AND state = 'pending'`), result, reason, id)
	if err != nil {
		return fmt.Errorf("store: save audit file %d: %w", id, err)
	}
	return nil
}

// ReleaseAuditFile gives up the claim of a file that could not be read now.
func (db *DB) ReleaseAuditFile(ctx context.Context, id int64) error {
	_, err := db.write.ExecContext(ctx, db.write.Rebind(`UPDATE audit_job_files SET claimed_at = NULL WHERE id = ? AND state = 'pending'`), id)
	if err != nil {
		return fmt.Errorf("store: release audit file %d: %w", id, err)
	}
	return nil
}

// DeleteAuditJobsBefore removes the jobs made before t, with their files'
// records; the files' bytes go with the next `gongkai blobs prune`.
func (db *DB) DeleteAuditJobsBefore(ctx context.Context, t time.Time) (int64, error) {
	var n int64
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM audit_job_files WHERE job_id IN (SELECT id FROM audit_jobs WHERE created_at < ?)`), t); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM audit_jobs WHERE created_at < ?`), t)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: delete old audit jobs: %w", err)
	}
	return n, nil
}
