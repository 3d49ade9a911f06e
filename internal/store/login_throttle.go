package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// AddressFailures returns how many failed logins the client address has
// made since the start of a window that began at or after since (0 when
// none), so every app node on one database throttles it alike.
func (db *DB) AddressFailures(ctx context.Context, address string, since time.Time) (int, error) {
	var n int
	err := db.read.GetContext(ctx, &n, db.read.Rebind(`SELECT failures FROM login_address_failures
		WHERE address = ? AND first_at >= ?`), address, since.UTC())
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: failed logins of an address: %w", err)
	}
	return n, nil
}

// RecordAddressFailure counts a failed login of the client address at now,
// in a window started at now when the address's last one began before
// since; windows that began before since are forgotten on the way.
func (db *DB) RecordAddressFailure(ctx context.Context, address string, now, since time.Time) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM login_address_failures WHERE first_at < ?`), since.UTC()); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO login_address_failures (address, failures, first_at)
			VALUES (?, 1, ?)
			ON CONFLICT (address) DO UPDATE SET failures = login_address_failures.failures + 1`), address, now.UTC())
		return err
	})
	if err != nil {
		return fmt.Errorf("store: record failed login of an address: %w", err)
	}
	return nil
}
