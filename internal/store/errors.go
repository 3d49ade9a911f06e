package store

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/gongkai/gongkai/internal/errs"
)

// errConstraint is the neutral form of a driver's constraint violation.
var (
	errUnique     = errors.New("unique constraint violated")
	errForeignKey = errors.New("foreign key constraint violated")
)

// translate turns the two drivers' errors into neutral ones, so callers
// check errors.Is(err, errUnique) whatever the engine.
func translate(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return fmt.Errorf("%w: %s", errUnique, pe.ConstraintName)
		case "23503":
			return fmt.Errorf("%w: %s", errForeignKey, pe.ConstraintName)
		}
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return fmt.Errorf("%w: %s", errUnique, se.Error())
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return fmt.Errorf("%w: %s", errForeignKey, se.Error())
		}
	}
	return err
}

// notFound maps sql.ErrNoRows to a domain not-found error with msg.
func notFound(err error, msg string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return errs.NotFound("%s", msg)
	}
	return err
}
