// Package calendar counts working days (工作日) in mainland China: it skips
// Saturdays, Sundays and the official off-days of the State Council's yearly
// holiday notice, and counts the make-up working days (调休上班) that fall on
// weekends. Deadlines of the 政府信息公开条例 are counted with it.
package calendar

import (
	"fmt"
	"time"
)

// China is the time zone of every date in the system (Asia/Shanghai). China
// has had no daylight saving time since 1991, so a fixed UTC+8 zone is exact
// and needs no tzdata on the host.
var China = time.FixedZone("CST", 8*60*60)

// Date is a civil date (year, month, day) with no time of day and no time
// zone, so that "the day of receipt" never shifts when a server runs in UTC.
// The zero Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateLayout is the only text form of a Date: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// NewDate returns the date y-m-d, normalising out-of-range values the way
// time.Date does (January 32 is February 1).
func NewDate(y int, m time.Month, d int) Date {
	return dateOfUTC(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar date in China at the instant t.
func DateOf(t time.Time) Date {
	y, m, d := t.In(China).Date()
	return Date{y, m, d}
}

// ParseDate reads a date written YYYY-MM-DD and rejects impossible dates
// such as 2025-02-29.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil || len(s) != len(DateLayout) {
		return Date{}, fmt.Errorf("日期 %q 无效，应为 YYYY-MM-DD 格式的真实日期", s)
	}
	return dateOfUTC(t), nil
}

func dateOfUTC(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// utc is the date's midnight in UTC, used only for arithmetic.
func (d Date) utc() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// Time returns the start of the day in China time.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, China)
}

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d == Date{} }

// String formats the date as YYYY-MM-DD.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// AddDays returns the date n calendar days after d (before it when n < 0).
func (d Date) AddDays(n int) Date { return dateOfUTC(d.utc().AddDate(0, 0, n)) }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.utc().Weekday() }

// IsWeekend reports whether d is a Saturday or a Sunday.
func (d Date) IsWeekend() bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.utc().Compare(e.utc()) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// MarshalText writes the date as YYYY-MM-DD (JSON and form encoding), and
// the zero Date as an empty string.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads a date written YYYY-MM-DD; an empty string is the
// zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}
