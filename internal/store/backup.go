package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// ErrBackupPostgres says that a PostgreSQL database is backed up with the
// server's own tools.
var ErrBackupPostgres = errors.New("PostgreSQL 数据库请用 pg_dump 备份（例如 pg_dump -Fc -f gongkai.dump \"$GONGKAI_DB\"），用 pg_restore 恢复")

// Backup writes a consistent copy of the SQLite database to dest while the
// server keeps running (VACUUM INTO reads one snapshot). dest must not exist.
func (db *DB) Backup(ctx context.Context, dest string) error {
	if db.dialect != SQLite {
		return ErrBackupPostgres
	}
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("store: backup: %s 已存在，不会覆盖", dest)
	}
	if _, err := db.write.ExecContext(ctx, `VACUUM INTO ?`, dest); err != nil {
		return fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	if err := os.Chmod(dest, 0o600); err != nil { // it holds personal data
		return fmt.Errorf("store: protect backup %s: %w", dest, err)
	}
	return nil
}
