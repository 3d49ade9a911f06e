package store

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// sqlTime scans a timestamp from either engine: pgx gives time.Time; the
// SQLite driver gives time.Time for declared TIMESTAMP columns, but a string
// when the value comes from an expression.
type sqlTime struct {
	Time  time.Time
	Valid bool
}

// Scan implements sql.Scanner.
func (t *sqlTime) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*t = sqlTime{}
	case time.Time:
		*t = sqlTime{Time: x.UTC(), Valid: true}
	case string:
		return t.parse(x)
	case []byte:
		return t.parse(string(x))
	default:
		return fmt.Errorf("store: cannot scan %T into a time", v)
	}
	return nil
}

func (t *sqlTime) parse(s string) error {
	for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02"} {
		if p, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			*t = sqlTime{Time: p.UTC(), Valid: true}
			return nil
		}
	}
	return fmt.Errorf("store: unreadable time %q", s)
}

// Value implements driver.Valuer.
func (t sqlTime) Value() (driver.Value, error) {
	if !t.Valid {
		return nil, nil
	}
	return t.Time, nil
}
