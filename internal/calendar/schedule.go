package calendar

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
)

// Schedule is one year's official holiday arrangement, the State Council's
// notice 《国务院办公厅关于YYYY年部分节假日安排的通知》, in the JSON shape of
// holiday-cn (https://github.com/NateScarlet/holiday-cn):
//
//	{"year": 2026, "papers": ["https://www.gov.cn/…"],
//	 "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}, …]}
//
// Days lists only the exceptions: official off-days and the weekend days
// that become working days (isOffDay false). Ordinary weekends are not
// listed. A notice may list days of the neighbouring year (2019's lists
// 2018-12-29).
type Schedule struct {
	Year   int      `json:"year"`
	Papers []string `json:"papers"`
	Days   []Day    `json:"days"`
}

// Day is one listed date of a Schedule.
type Day struct {
	Name     string `json:"name"`
	Date     Date   `json:"date"`
	IsOffDay bool   `json:"isOffDay"`
}

// Bounds of a believable schedule year.
const (
	minYear = 1999
	maxYear = 2200
)

// ParseSchedule reads and validates one year's schedule in the holiday-cn
// JSON shape. Unknown fields such as "$schema" are ignored.
func ParseSchedule(r io.Reader) (Schedule, error) {
	var s Schedule
	dec := json.NewDecoder(r)
	if err := dec.Decode(&s); err != nil {
		return Schedule{}, jsonError(err)
	}
	if dec.More() {
		return Schedule{}, fmt.Errorf("节假日安排的 JSON 之后还有多余内容")
	}
	if err := s.Validate(); err != nil {
		return Schedule{}, err
	}
	return s, nil
}

// Validate checks that the schedule names a believable year, lists at least
// one day, and that every day is a real date in that year or the adjacent
// December/January, listed once.
func (s Schedule) Validate() error {
	if s.Year < minYear || s.Year > maxYear {
		return fmt.Errorf("节假日安排的年份 %d 无效（应在 %d–%d 之间）", s.Year, minYear, maxYear)
	}
	if len(s.Days) == 0 {
		return fmt.Errorf("%d 年节假日安排没有列出任何日期", s.Year)
	}
	seen := make(map[Date]bool, len(s.Days))
	for i, d := range s.Days {
		if d.Date.IsZero() {
			return fmt.Errorf("%d 年节假日安排第 %d 项缺少日期", s.Year, i+1)
		}
		if !s.near(d.Date) {
			return fmt.Errorf("%d 年节假日安排第 %d 项的日期 %s 不属于该年（只允许相邻的 12 月或 1 月）", s.Year, i+1, d.Date)
		}
		if seen[d.Date] {
			return fmt.Errorf("%d 年节假日安排重复列出日期 %s", s.Year, d.Date)
		}
		seen[d.Date] = true
	}
	return nil
}

// near reports whether d belongs to the schedule's year, December of the
// year before or January of the year after.
func (s Schedule) near(d Date) bool {
	switch d.Year {
	case s.Year:
		return true
	case s.Year - 1:
		return d.Month == 12
	case s.Year + 1:
		return d.Month == 1
	}
	return false
}

// MakeUpDays returns the listed working days (调休上班), in date order.
func (s Schedule) MakeUpDays() []Date {
	var out []Date
	for _, d := range s.Days {
		if !d.IsOffDay {
			out = append(out, d.Date)
		}
	}
	slices.SortFunc(out, Date.Compare)
	return out
}

// jsonError says in Chinese where a schedule's JSON is wrong, without the
// decoder's English.
func jsonError(err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Errorf("节假日安排不是有效的 JSON（第 %d 个字节附近有误）", syntax.Offset)
	case errors.As(err, &typ):
		return fmt.Errorf("节假日安排的字段 %s 类型不对", typ.Field)
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("节假日安排不是有效的 JSON（内容不完整）")
	}
	return err // a date's own error, already in Chinese
}
