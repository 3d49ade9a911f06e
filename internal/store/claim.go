package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
)

// claimNext takes the oldest row of table whose state is 'pending' and
// whose claim (claimCol) is empty or older than staleBefore, reads cols of
// it into dest, and stamps the claim with the time, in one transaction; on
// PostgreSQL rows claimed by other nodes meanwhile are skipped (SKIP LOCKED),
// on SQLite the single writer serialises the claims. ok is false when no
// row is pending. table, stateCol, claimCol and cols are the caller's
// constants, never input.
func (db *DB) claimNext(ctx context.Context, table, stateCol, claimCol, cols string, staleBefore time.Time, dest any, idOf func() int64) (ok bool, err error) {
	return db.claimNextDue(ctx, table, stateCol, claimCol, "", cols, staleBefore, time.Time{}, dest, idOf)
}

// claimNextDue is claimNext for rows that also wait for a time: when dueCol
// is given, only rows whose dueCol is not after due are taken (a retry
// waiting for its backoff is skipped).
func (db *DB) claimNextDue(ctx context.Context, table, stateCol, claimCol, dueCol, cols string, staleBefore, due time.Time, dest any, idOf func() int64) (ok bool, err error) {
	lock := ""
	if db.dialect == Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	where, args := "", []any{staleBefore}
	if dueCol != "" {
		where, args = ` AND `+dueCol+` <= ?`, append(args, due)
	}
	err = db.tx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, dest, tx.Rebind(`SELECT `+cols+` FROM `+table+` WHERE `+stateCol+` = 'pending' AND (`+
			claimCol+` IS NULL OR `+claimCol+` < ?)`+where+` ORDER BY id LIMIT 1`+lock), args...)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		ok = true
		_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE `+table+` SET `+claimCol+` = ? WHERE id = ?`), db.now(), idOf())
		return err
	})
	return ok, err
}
