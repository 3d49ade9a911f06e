package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auditlog"
)

type letterSettingsRow struct {
	ReviewBody string `db:"review_body"`
	Court      string `db:"court"`
	Payment    string `db:"payment"`
}

// LetterSettings returns an agency's confirmed letter settings; every field
// is "" while the agency admin has not confirmed them.
func (db *DB) LetterSettings(ctx context.Context, agencyID int64) (agency.LetterSettings, error) {
	var r letterSettingsRow
	err := db.read.GetContext(ctx, &r, db.read.Rebind(`SELECT review_body, court, payment
		FROM agency_letter_settings WHERE agency_id = ?`), agencyID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return agency.LetterSettings{}, fmt.Errorf("store: letter settings of agency %d: %w", agencyID, err)
	}
	return agency.LetterSettings{ReviewBody: r.ReviewBody, Court: r.Court, Payment: r.Payment}, nil
}

// SaveLetterSettings stores an agency's letter settings as confirmed by its
// admin; before and after are audited.
func (db *DB) SaveLetterSettings(ctx context.Context, agencyID int64, s agency.LetterSettings, ch auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		var before letterSettingsRow
		err := tx.GetContext(ctx, &before, tx.Rebind(`SELECT review_body, court, payment
			FROM agency_letter_settings WHERE agency_id = ?`), agencyID)
		found := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		_, err = tx.ExecContext(ctx, tx.Rebind(`INSERT INTO agency_letter_settings (agency_id, review_body, court, payment, updated_at)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (agency_id) DO UPDATE SET review_body = excluded.review_body, court = excluded.court,
				payment = excluded.payment, updated_at = excluded.updated_at`),
			agencyID, s.ReviewBody, s.Court, s.Payment, db.now())
		if err != nil {
			return translate(err)
		}
		ch.AgencyID, ch.Object = agencyID, fmt.Sprintf("letter_settings:%d", agencyID)
		if found {
			ch.Before = map[string]any{"review_body": before.ReviewBody, "court": before.Court, "payment": before.Payment}
		}
		ch.After = map[string]any{"review_body": s.ReviewBody, "court": s.Court, "payment": s.Payment}
		return db.appendAudit(ctx, tx, ch)
	})
	if err != nil {
		return fmt.Errorf("store: save letter settings of agency %d: %w", agencyID, err)
	}
	return nil
}
