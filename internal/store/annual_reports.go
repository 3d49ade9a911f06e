package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report"
	"github.com/gongkai/gongkai/internal/report/annual"
)

type annualRow struct {
	ID          int64         `db:"id"`
	AgencyID    int64         `db:"agency_id"`
	Year        int           `db:"year"`
	Format      string        `db:"format"`
	Status      string        `db:"status"`
	Entered     string        `db:"entered"`
	Prose       string        `db:"prose"`
	SignedOffBy sql.NullInt64 `db:"signed_off_by"`
	SignedOffAt sqlTime       `db:"signed_off_at"`
	CreatedAt   sqlTime       `db:"created_at"`
	UpdatedAt   sqlTime       `db:"updated_at"`
}

func (r annualRow) record() (*annual.Record, error) {
	rec := &annual.Record{ID: r.ID, AgencyID: r.AgencyID, Year: r.Year, Format: report.Format(r.Format),
		Status: annual.Status(r.Status), SignedOffBy: r.SignedOffBy.Int64, SignedOffAt: r.SignedOffAt.Time,
		CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time}
	if err := json.Unmarshal([]byte(r.Entered), &rec.Entered); err != nil {
		return nil, fmt.Errorf("entered figures of report %d: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(r.Prose), &rec.Prose); err != nil {
		return nil, fmt.Errorf("prose of report %d: %w", r.ID, err)
	}
	return rec, nil
}

const annualColumns = `id, agency_id, year, format, status, entered, prose, signed_off_by, signed_off_at, created_at, updated_at`

// CreateAnnualReport stores a new report record (a draft, usually made by
// annual.New) and records the change; it sets rec.ID.
func (db *DB) CreateAnnualReport(ctx context.Context, rec *annual.Record, c auditlog.Change) error {
	if err := rec.Validate(); err != nil {
		return err
	}
	entered, prose, err := annualJSON(rec)
	if err != nil {
		return err
	}
	rec.Status, rec.CreatedAt = annual.Draft, db.now()
	rec.UpdatedAt = rec.CreatedAt
	err = db.tx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &rec.ID, tx.Rebind(`INSERT INTO annual_reports
			(agency_id, year, format, status, entered, prose, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			rec.AgencyID, rec.Year, rec.Format, rec.Status, entered, prose, rec.CreatedAt, rec.UpdatedAt)
		if err = translate(err); errors.Is(err, errUnique) {
			return errs.Conflict("%d年度报告已存在", rec.Year)
		} else if err != nil {
			return err
		}
		c.AgencyID, c.Object, c.After = rec.AgencyID, annualObject(rec), rec
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: create annual report %d: %w", rec.Year, err)
	}
	return nil
}

// SaveAnnualReport saves the entered figures and prose of a report. A
// signed-off or published report becomes a draft again: it needs a new
// sign-off, and its published versions stay as they were.
func (db *DB) SaveAnnualReport(ctx context.Context, rec *annual.Record, c auditlog.Change) error {
	if err := rec.Validate(); err != nil {
		return err
	}
	entered, prose, err := annualJSON(rec)
	if err != nil {
		return err
	}
	err = db.tx(ctx, func(tx *sqlx.Tx) error {
		before, err := db.annualReport(ctx, tx, rec.AgencyID, rec.Year)
		if err != nil {
			return err
		}
		rec.ID, rec.CreatedAt, rec.UpdatedAt = before.ID, before.CreatedAt, db.now()
		rec.Status, rec.SignedOffBy, rec.SignedOffAt = annual.Draft, 0, time.Time{}
		_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE annual_reports SET entered = ?, prose = ?, status = ?,
			signed_off_by = NULL, signed_off_at = NULL, updated_at = ? WHERE id = ?`),
			entered, prose, rec.Status, rec.UpdatedAt, rec.ID)
		if err != nil {
			return err
		}
		c.AgencyID, c.Object, c.Before, c.After = rec.AgencyID, annualObject(rec), before, rec
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: save annual report %d: %w", rec.Year, err)
	}
	return nil
}

// SignOffAnnualReport records that the approver userID signed the draft
// off. rec must be the state the caller checked (annual.CheckSignOff): if
// the report changed since, the sign-off is refused.
func (db *DB) SignOffAnnualReport(ctx context.Context, rec *annual.Record, userID int64, c auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		before, err := db.annualReport(ctx, tx, rec.AgencyID, rec.Year)
		if err != nil {
			return err
		}
		if before.Status != annual.Draft || !before.UpdatedAt.Equal(rec.UpdatedAt) {
			return errs.Conflict("报告在检查后已被修改或签发，请刷新后重试")
		}
		rec.Status, rec.SignedOffBy, rec.SignedOffAt = annual.SignedOff, userID, db.now()
		_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE annual_reports SET status = ?, signed_off_by = ?, signed_off_at = ?
			WHERE id = ?`), rec.Status, userID, rec.SignedOffAt, before.ID)
		if err != nil {
			return err
		}
		c.AgencyID, c.Object, c.Before, c.After = rec.AgencyID, annualObject(rec), before.Status, rec.Status
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: sign off annual report %d: %w", rec.Year, err)
	}
	return nil
}

// PublishAnnualReport stores v as the next version of a signed-off report
// and marks the report published; it sets v.Version, and v.PublishedAt to
// now unless it is set (a report published earlier, entered afterwards).
func (db *DB) PublishAnnualReport(ctx context.Context, rec *annual.Record, v *annual.Version, c auditlog.Change) error {
	snapshot, err := json.Marshal(v.Snapshot)
	if err != nil {
		return fmt.Errorf("store: publish annual report: %w", err)
	}
	err = db.tx(ctx, func(tx *sqlx.Tx) error {
		before, err := db.annualReport(ctx, tx, rec.AgencyID, rec.Year)
		if err != nil {
			return err
		}
		if before.Status != annual.SignedOff || !before.UpdatedAt.Equal(rec.UpdatedAt) {
			return errs.Conflict("报告须经审批人签发后才能报送公开，且签发后不能再修改")
		}
		if err := tx.GetContext(ctx, &v.Version, tx.Rebind(
			`SELECT COALESCE(MAX(version), 0) + 1 FROM annual_report_versions WHERE report_id = ?`), before.ID); err != nil {
			return err
		}
		v.ReportID = before.ID
		if v.PublishedAt.IsZero() {
			v.PublishedAt = db.now()
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO annual_report_versions
			(report_id, version, published_at, published_by, change_note, snapshot) VALUES (?, ?, ?, ?, ?, ?)`),
			v.ReportID, v.Version, v.PublishedAt, v.PublishedBy, v.ChangeNote, string(snapshot)); err != nil {
			return err
		}
		rec.Status = annual.Published
		if _, err := tx.ExecContext(ctx, tx.Rebind(`UPDATE annual_reports SET status = ? WHERE id = ?`), rec.Status, before.ID); err != nil {
			return err
		}
		c.AgencyID, c.Object = rec.AgencyID, annualObject(rec)
		c.After = map[string]any{"version": v.Version, "change_note": v.ChangeNote}
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: publish annual report %d: %w", rec.Year, err)
	}
	return nil
}

// AnnualReport returns the agency's report record on year.
func (db *DB) AnnualReport(ctx context.Context, agencyID int64, year int) (*annual.Record, error) {
	rec, err := db.annualReport(ctx, db.read, agencyID, year)
	if err != nil {
		return nil, fmt.Errorf("store: annual report %d: %w", year, err)
	}
	return rec, nil
}

func (db *DB) annualReport(ctx context.Context, q queryer, agencyID int64, year int) (*annual.Record, error) {
	var r annualRow
	err := sqlx.GetContext(ctx, q, &r, q.Rebind(`SELECT `+annualColumns+` FROM annual_reports WHERE agency_id = ? AND year = ?`),
		agencyID, year)
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("%d年度报告尚未创建", year))
	}
	return r.record()
}

// AnnualReports lists the agency's report records, newest year first.
func (db *DB) AnnualReports(ctx context.Context, agencyID int64) ([]annual.Record, error) {
	var rows []annualRow
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT `+annualColumns+
		` FROM annual_reports WHERE agency_id = ? ORDER BY year DESC`), agencyID)
	if err != nil {
		return nil, fmt.Errorf("store: annual reports of agency %d: %w", agencyID, err)
	}
	out := make([]annual.Record, 0, len(rows))
	for _, r := range rows {
		rec, err := r.record()
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		out = append(out, *rec)
	}
	return out, nil
}

type versionRow struct {
	ReportID    int64   `db:"report_id"`
	Version     int     `db:"version"`
	PublishedAt sqlTime `db:"published_at"`
	PublishedBy string  `db:"published_by"`
	ChangeNote  string  `db:"change_note"`
	Snapshot    string  `db:"snapshot"`
}

// AnnualReportVersions returns the published versions of the agency's
// report on year, newest first, each with its frozen snapshot; none when
// the report was never published.
func (db *DB) AnnualReportVersions(ctx context.Context, agencyID int64, year int) ([]annual.Version, error) {
	var rows []versionRow
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT v.report_id, v.version, v.published_at, v.published_by,
		v.change_note, v.snapshot FROM annual_report_versions v JOIN annual_reports r ON r.id = v.report_id
		WHERE r.agency_id = ? AND r.year = ? ORDER BY v.version DESC`), agencyID, year)
	if err != nil {
		return nil, fmt.Errorf("store: versions of annual report %d: %w", year, err)
	}
	out := make([]annual.Version, len(rows))
	for i, r := range rows {
		out[i] = annual.Version{ReportID: r.ReportID, Version: r.Version, PublishedAt: r.PublishedAt.Time,
			PublishedBy: r.PublishedBy, ChangeNote: r.ChangeNote}
		if err := json.Unmarshal([]byte(r.Snapshot), &out[i].Snapshot); err != nil {
			return nil, fmt.Errorf("store: snapshot of annual report %d version %d: %w", year, r.Version, err)
		}
	}
	return out, nil
}

// PublishedYears lists the years of the agency's published reports with
// their latest version number and first publication, newest year first.
func (db *DB) PublishedYears(ctx context.Context, agencyID int64) ([]annual.PublishedYear, error) {
	var rows []struct {
		Year   int     `db:"year"`
		Latest int     `db:"latest"`
		First  sqlTime `db:"first"`
	}
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT r.year AS year, MAX(v.version) AS latest,
		MIN(v.published_at) AS first FROM annual_reports r JOIN annual_report_versions v ON v.report_id = r.id
		WHERE r.agency_id = ? GROUP BY r.year ORDER BY r.year DESC`), agencyID)
	if err != nil {
		return nil, fmt.Errorf("store: published reports of agency %d: %w", agencyID, err)
	}
	out := make([]annual.PublishedYear, len(rows))
	for i, r := range rows {
		out[i] = annual.PublishedYear{Year: r.Year, Latest: r.Latest, First: r.First.Time}
	}
	return out, nil
}

func annualJSON(rec *annual.Record) (entered, prose string, err error) {
	e, err := json.Marshal(rec.Entered)
	if err != nil {
		return "", "", fmt.Errorf("store: entered figures: %w", err)
	}
	p, err := json.Marshal(rec.Prose)
	if err != nil {
		return "", "", fmt.Errorf("store: prose: %w", err)
	}
	return string(e), string(p), nil
}

func annualObject(rec *annual.Record) string {
	return fmt.Sprintf("annual_report:%d:%d", rec.AgencyID, rec.Year)
}
