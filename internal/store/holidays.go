package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
)

// StoredSchedule is a holiday schedule an administrator loaded, with who
// loaded it and when.
type StoredSchedule struct {
	calendar.Schedule
	LoadedAt time.Time
	LoadedBy string
}

// SaveHolidaySchedule stores a validated schedule, replacing a stored one
// of the same year, and records the change.
func (db *DB) SaveHolidaySchedule(ctx context.Context, s calendar.Schedule, c auditlog.Change) error {
	if err := s.Validate(); err != nil {
		return err
	}
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("store: holiday schedule %d: %w", s.Year, err)
	}
	err = db.tx(ctx, func(tx *sqlx.Tx) error {
		var before []string
		if err := tx.SelectContext(ctx, &before, tx.Rebind(`SELECT data FROM holiday_schedules WHERE year = ?`), s.Year); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO holiday_schedules (year, data, loaded_at, loaded_by)
			VALUES (?, ?, ?, ?) ON CONFLICT (year) DO UPDATE SET data = excluded.data,
			loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by`), s.Year, string(data), db.now(), c.Actor)
		if err != nil {
			return err
		}
		c.Object, c.After = fmt.Sprintf("holidays:%d", s.Year), json.RawMessage(data)
		if len(before) > 0 {
			c.Before = json.RawMessage(before[0])
		}
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: save holiday schedule %d: %w", s.Year, err)
	}
	return nil
}

// HolidaySchedules lists the stored schedules by year.
func (db *DB) HolidaySchedules(ctx context.Context) ([]StoredSchedule, error) {
	var rows []struct {
		Year     int     `db:"year"`
		Data     string  `db:"data"`
		LoadedAt sqlTime `db:"loaded_at"`
		LoadedBy string  `db:"loaded_by"`
	}
	if err := db.read.SelectContext(ctx, &rows, `SELECT year, data, loaded_at, loaded_by FROM holiday_schedules ORDER BY year`); err != nil {
		return nil, fmt.Errorf("store: holiday schedules: %w", err)
	}
	out := make([]StoredSchedule, 0, len(rows))
	for _, r := range rows {
		s, err := calendar.ParseSchedule(strings.NewReader(r.Data))
		if err != nil {
			return nil, fmt.Errorf("store: stored holiday schedule %d: %w", r.Year, err)
		}
		out = append(out, StoredSchedule{Schedule: s, LoadedAt: r.LoadedAt.Time, LoadedBy: r.LoadedBy})
	}
	return out, nil
}

// Calendar returns the working-day calendar: the schedules built into the
// binary, overridden year by year by those an administrator loaded.
func (db *DB) Calendar(ctx context.Context) (*calendar.Calendar, error) {
	cal, err := calendar.Default()
	if err != nil {
		return nil, fmt.Errorf("store: calendar: %w", err)
	}
	stored, err := db.HolidaySchedules(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range stored {
		if err := cal.Add(s.Schedule); err != nil {
			return nil, fmt.Errorf("store: calendar: %w", err)
		}
	}
	return cal, nil
}
