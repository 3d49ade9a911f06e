package calendar

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"

	"github.com/gongkai/gongkai/internal/errs"
)

// Calendar decides which days are working days from a set of yearly
// schedules. It is safe for concurrent use; Load and Add replace a year's
// schedule while others read. The zero Calendar has no schedule at all:
// every day it counts comes with a warning.
type Calendar struct {
	mu        sync.RWMutex
	schedules map[int]Schedule
	offDay    map[Date]bool // listed dates: true = off-day, false = make-up working day
}

// New returns a calendar built from the given schedules, for example the
// embedded ones followed by those an administrator loaded later. A later
// schedule of the same year replaces an earlier one.
func New(schedules ...Schedule) (*Calendar, error) {
	c := &Calendar{schedules: make(map[int]Schedule)}
	for _, s := range schedules {
		if err := s.Validate(); err != nil {
			return nil, fmt.Errorf("calendar: %w", err)
		}
		c.schedules[s.Year] = s
	}
	c.index()
	return c, nil
}

// Load reads one year's schedule in the holiday-cn JSON shape, validates it
// and adds it to the calendar, replacing any schedule of the same year.
// A caller that also stores the schedule uses ParseSchedule and Add. A
// rejected schedule is an errs.ErrInvalid whose message says why, in
// Chinese, for the administrator.
func (c *Calendar) Load(r io.Reader) error {
	s, err := ParseSchedule(r)
	if err != nil {
		return errs.Invalid("无法载入节假日安排：%v", err)
	}
	return c.Add(s)
}

// Add validates a schedule and adds it to the calendar, replacing any
// schedule of the same year.
func (c *Calendar) Add(s Schedule) error {
	if err := s.Validate(); err != nil {
		return errs.Invalid("无法载入节假日安排：%v", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.schedules == nil {
		c.schedules = make(map[int]Schedule)
	}
	c.schedules[s.Year] = s
	c.index()
	return nil
}

// index rebuilds the date index. Schedules are merged by date in year
// order, so a newer notice's word on a date listed by two files wins
// (holiday-cn: "12 月份的日期可能会被下一年的文件影响").
func (c *Calendar) index() {
	c.offDay = make(map[Date]bool)
	for _, y := range slices.Sorted(maps.Keys(c.schedules)) {
		for _, d := range c.schedules[y].Days {
			c.offDay[d.Date] = d.IsOffDay
		}
	}
}

// Years returns the years that have a schedule, in order.
func (c *Calendar) Years() []int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return slices.Sorted(maps.Keys(c.schedules))
}

// HasSchedule reports whether the calendar has the official schedule of year.
func (c *Calendar) HasSchedule(year int) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	_, ok := c.schedules[year]
	return ok
}

// Schedule returns the schedule of year, if the calendar has one.
func (c *Calendar) Schedule(year int) (Schedule, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	s, ok := c.schedules[year]
	return s, ok
}

// IsWorkingDay reports whether d is a working day. When d's year has no
// schedule and d is not listed by a neighbouring year's notice, the answer
// is a guess from the weekday alone and the returned Warnings say so.
func (c *Calendar) IsWorkingDay(d Date) (bool, Warnings) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	var w Warnings
	return c.isWorkingDay(d, &w), w
}

// isWorkingDay is IsWorkingDay under the read lock, adding to w.
func (c *Calendar) isWorkingDay(d Date, w *Warnings) bool {
	if off, listed := c.offDay[d]; listed {
		return !off
	}
	if _, ok := c.schedules[d.Year]; !ok {
		w.addMissing(d.Year)
	}
	return !d.IsWeekend()
}
