package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/cases"
)

// CaseEvent is one stored step of a case's timeline.
type CaseEvent struct {
	At       time.Time
	AgencyID int64
	Actor    string
	cases.Event
}

// CaseTimeline returns every step of a case, oldest first, across the
// agencies that held it.
func (db *DB) CaseTimeline(ctx context.Context, id int64) ([]CaseEvent, error) {
	var rows []struct {
		At       sqlTime `db:"at"`
		AgencyID int64   `db:"agency_id"`
		OnDay    string  `db:"on_day"`
		Actor    string  `db:"actor"`
		Kind     string  `db:"kind"`
		Note     string  `db:"note"`
	}
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT at, agency_id, on_day, actor, kind, note
		FROM case_events WHERE case_id = ? ORDER BY id`), id)
	if err != nil {
		return nil, fmt.Errorf("store: timeline of case %d: %w", id, err)
	}
	out := make([]CaseEvent, len(rows))
	for i, r := range rows {
		out[i] = CaseEvent{At: r.At.Time, AgencyID: r.AgencyID, Actor: r.Actor, Event: cases.Event{Kind: r.Kind, Note: r.Note}}
		if r.OnDay != "" {
			if err := out[i].On.UnmarshalText([]byte(r.OnDay)); err != nil {
				return nil, fmt.Errorf("store: timeline of case %d: %w", id, err)
			}
		}
	}
	return out, nil
}

// CaseFilter selects cases for a list.
type CaseFilter struct {
	AgencyIDs []int64
	// Open keeps only cases not yet closed (awaiting confirmation included).
	Open bool
	// Limit caps the list; 0 means 500.
	Limit int
}

// Cases returns the cases of the given agencies, newest first, unmasked.
func (db *DB) Cases(ctx context.Context, f CaseFilter) ([]*cases.Case, error) {
	if len(f.AgencyIDs) == 0 {
		return nil, nil
	}
	if f.Limit <= 0 {
		f.Limit = 500
	}
	q := `SELECT ` + caseColumns + ` FROM cases WHERE agency_id IN (?)`
	if f.Open {
		q += ` AND stage <> 'closed'`
	}
	q += ` ORDER BY id DESC LIMIT ?`
	q, args, err := sqlx.In(q, f.AgencyIDs, f.Limit)
	if err != nil {
		return nil, fmt.Errorf("store: cases: %w", err)
	}
	var rows []caseRow
	if err := db.read.SelectContext(ctx, &rows, db.read.Rebind(q), args...); err != nil {
		return nil, fmt.Errorf("store: cases: %w", err)
	}
	out := make([]*cases.Case, 0, len(rows))
	for _, r := range rows {
		c, err := r.toCase()
		if err != nil {
			return nil, fmt.Errorf("store: cases: %w", err)
		}
		out = append(out, c)
	}
	return out, nil
}

// SimilarCases returns the ids of other cases of the same agency with the
// same applicant and request (cases.DuplicateKey): a hint toward
// not_processed.duplicate that the officer weighs.
func (db *DB) SimilarCases(ctx context.Context, c *cases.Case) ([]int64, error) {
	var ids []int64
	err := db.read.SelectContext(ctx, &ids, db.read.Rebind(`SELECT id FROM cases
		WHERE agency_id = ? AND dup_key = ? AND id <> ? ORDER BY id`), c.AgencyID, c.DuplicateKey, c.ID)
	if err != nil {
		return nil, fmt.Errorf("store: similar cases of %d: %w", c.ID, err)
	}
	return ids, nil
}

// CaseAttachments lists a case's attachments without their data.
func (db *DB) CaseAttachments(ctx context.Context, caseID int64) ([]cases.Attachment, error) {
	var rows []attachmentRow
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT id, name, mime, size, blob_key, '' AS data, correction
		FROM case_attachments WHERE case_id = ? ORDER BY id`), caseID)
	if err != nil {
		return nil, fmt.Errorf("store: attachments of case %d: %w", caseID, err)
	}
	out := make([]cases.Attachment, len(rows))
	for i, r := range rows {
		out[i] = r.attachment()
	}
	return out, nil
}

// CaseAttachment returns one attachment of a case: its blob key, or, for
// one not yet moved to the blob store (MoveCaseAttachments), its data.
func (db *DB) CaseAttachment(ctx context.Context, caseID, id int64) (*cases.Attachment, error) {
	var a attachmentRow
	err := db.read.GetContext(ctx, &a, db.read.Rebind(`SELECT id, name, mime, size, blob_key, data
		FROM case_attachments WHERE case_id = ? AND id = ?`), caseID, id)
	if err != nil {
		return nil, fmt.Errorf("store: attachment %d: %w", id, notFound(err, "附件不存在"))
	}
	out := a.attachment()
	return &out, nil
}

// ApplicantMonthCount counts the applications the same applicant (by
// document number) made to the case's agency earlier in the natural month
// of its receipt: the Prior of a fee by count (国办函〔2020〕109号第四条).
func (db *DB) ApplicantMonthCount(ctx context.Context, c *cases.Case) (int, error) {
	if c.Received.IsZero() {
		return 0, nil
	}
	first := fmt.Sprintf("%04d-%02d-01", c.Received.Year, int(c.Received.Month))
	var n int
	err := db.read.GetContext(ctx, &n, db.read.Rebind(`SELECT COUNT(*) FROM cases
		WHERE agency_id = ? AND id_number = ? AND id <> ? AND received_on >= ?
		AND (received_on < ? OR (received_on = ? AND id < ?))`),
		c.AgencyID, c.Applicant.IDNumber, c.ID, first, c.Received.String(), c.Received.String(), c.ID)
	if err != nil {
		return 0, fmt.Errorf("store: applications of the applicant this month: %w", err)
	}
	return n, nil
}
