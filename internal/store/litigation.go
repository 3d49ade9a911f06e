package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/litigation"
	"github.com/gongkai/gongkai/internal/report"
)

type litigationRow struct {
	ID        int64         `db:"id"`
	AgencyID  int64         `db:"agency_id"`
	CaseID    sql.NullInt64 `db:"case_id"`
	Kind      string        `db:"kind"`
	Body      string        `db:"body"`
	Applicant string        `db:"applicant"`
	Filed     sqlTime       `db:"filed_on"`
	Stage     string        `db:"stage"`
	Result    string        `db:"result"`
	Decided   sqlTime       `db:"decided_on"`
	Documents string        `db:"documents"`
	Note      string        `db:"note"`
	CreatedAt sqlTime       `db:"created_at"`
	UpdatedAt sqlTime       `db:"updated_at"`
}

func (r litigationRow) record() litigation.Record {
	return litigation.Record{ID: r.ID, AgencyID: r.AgencyID, CaseID: r.CaseID.Int64, Kind: litigation.Kind(r.Kind),
		Body: r.Body, Applicant: r.Applicant, Filed: r.Filed.Time, Stage: r.Stage, Result: litigation.Result(r.Result),
		Decided: r.Decided.Time, Documents: r.Documents, Note: r.Note, CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time}
}

const litigationColumns = `id, agency_id, case_id, kind, body, applicant, filed_on, stage, result, decided_on,
	documents, note, created_at, updated_at`

// CreateLitigation stores a new review or lawsuit record of rec.AgencyID
// and records the change; it sets rec.ID.
func (db *DB) CreateLitigation(ctx context.Context, rec *litigation.Record, c auditlog.Change) error {
	if err := rec.Validate(); err != nil {
		return err
	}
	rec.CreatedAt = db.now()
	rec.UpdatedAt = rec.CreatedAt
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &rec.ID, tx.Rebind(`INSERT INTO litigation
			(agency_id, case_id, kind, body, applicant, filed_on, stage, result, decided_on, documents, note, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			rec.AgencyID, nullID(rec.CaseID), rec.Kind, rec.Body, rec.Applicant, rec.Filed.UTC(), rec.Stage, rec.Result,
			nullTime(rec.Decided), rec.Documents, rec.Note, rec.CreatedAt, rec.UpdatedAt)
		if err != nil {
			return translate(err)
		}
		c.AgencyID, c.Object, c.After = rec.AgencyID, fmt.Sprintf("litigation:%d", rec.ID), rec
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: create litigation record: %w", err)
	}
	return nil
}

// UpdateLitigation saves a record of rec.AgencyID and records before and
// after; a record of another agency is not found.
func (db *DB) UpdateLitigation(ctx context.Context, rec *litigation.Record, c auditlog.Change) error {
	if err := rec.Validate(); err != nil {
		return err
	}
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		before, err := db.litigationRecord(ctx, tx, rec.AgencyID, rec.ID)
		if err != nil {
			return err
		}
		rec.CreatedAt, rec.UpdatedAt = before.CreatedAt, db.now()
		_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE litigation SET case_id = ?, kind = ?, body = ?, applicant = ?,
			filed_on = ?, stage = ?, result = ?, decided_on = ?, documents = ?, note = ?, updated_at = ?
			WHERE id = ? AND agency_id = ?`),
			nullID(rec.CaseID), rec.Kind, rec.Body, rec.Applicant, rec.Filed.UTC(), rec.Stage, rec.Result,
			nullTime(rec.Decided), rec.Documents, rec.Note, rec.UpdatedAt, rec.ID, rec.AgencyID)
		if err != nil {
			return translate(err)
		}
		c.AgencyID, c.Object, c.Before, c.After = rec.AgencyID, fmt.Sprintf("litigation:%d", rec.ID), before, rec
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: update litigation record %d: %w", rec.ID, err)
	}
	return nil
}

// LitigationRecord returns one record of the agency.
func (db *DB) LitigationRecord(ctx context.Context, agencyID, id int64) (*litigation.Record, error) {
	rec, err := db.litigationRecord(ctx, db.read, agencyID, id)
	if err != nil {
		return nil, fmt.Errorf("store: litigation record %d: %w", id, err)
	}
	return rec, nil
}

// queryer is a transaction or a pool that rebinds placeholders.
type queryer interface {
	sqlx.QueryerContext
	Rebind(query string) string
}

func (db *DB) litigationRecord(ctx context.Context, q queryer, agencyID, id int64) (*litigation.Record, error) {
	var r litigationRow
	err := sqlx.GetContext(ctx, q, &r, q.Rebind(
		`SELECT `+litigationColumns+` FROM litigation WHERE id = ? AND agency_id = ?`), id, agencyID)
	if err != nil {
		return nil, notFound(err, "复议诉讼记录不存在")
	}
	rec := r.record()
	return &rec, nil
}

// LitigationList returns the agency's records filed in year (every record
// when year is 0), newest filing first.
func (db *DB) LitigationList(ctx context.Context, agencyID int64, year int) ([]litigation.Record, error) {
	from, to := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	if year != 0 {
		from, to = time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	var rows []litigationRow
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT `+litigationColumns+` FROM litigation
		WHERE agency_id = ? AND filed_on >= ? AND filed_on < ? ORDER BY filed_on DESC, id DESC`), agencyID, from, to)
	if err != nil {
		return nil, fmt.Errorf("store: litigation of agency %d: %w", agencyID, err)
	}
	out := make([]litigation.Record, len(rows))
	for i, r := range rows {
		out[i] = r.record()
	}
	return out, nil
}

// LitigationCounts returns part 四 of the agency's annual report on year,
// counted from its records (litigation.Count).
func (db *DB) LitigationCounts(ctx context.Context, agencyID int64, year int) (report.ReviewLitigation, error) {
	if year < 1 || year > 9998 {
		return report.ReviewLitigation{}, errors.New("store: litigation counts: year out of range")
	}
	recs, err := db.LitigationList(ctx, agencyID, year)
	if err != nil {
		return report.ReviewLitigation{}, err
	}
	return litigation.Count(recs, year), nil
}
