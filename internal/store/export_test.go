package store

import "context"

// Exec runs raw SQL on the writer, for tests that tamper with the database
// the way someone with direct access could.
func (db *DB) Exec(ctx context.Context, q string, args ...any) error {
	_, err := db.write.ExecContext(ctx, db.write.Rebind(q), args...)
	return err
}
