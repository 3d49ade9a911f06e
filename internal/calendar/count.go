package calendar

// MaxCount bounds the working days AddWorkingDays will count, so that a
// typing mistake cannot make it loop for years of days.
const MaxCount = 10000

// AddWorkingDays returns the due date of a period of n working days counted
// from the day of receipt: the day of receipt itself is not counted
// (《民法典》第二百零一条), so the due date is the nth working day after it.
// Working days inside a pause (both ends included) do not count. n ≤ 0
// returns received itself; n above MaxCount is counted as MaxCount.
func (c *Calendar) AddWorkingDays(received Date, n int, pauses []Period) (Date, Warnings) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	var w Warnings
	n = min(n, MaxCount)
	d := received
	for n > 0 {
		d = d.AddDays(1)
		if paused(d, pauses) {
			continue
		}
		if c.isWorkingDay(d, &w) {
			n--
		}
	}
	return d, w
}

func paused(d Date, pauses []Period) bool {
	for _, p := range pauses {
		if p.Contains(d) {
			return true
		}
	}
	return false
}

// WorkingDaysBetween counts the working days after a up to and including b:
// for a = today and b = a due date it is the working days left, 0 when the
// due date is today or has no working day before it. When b is before a the
// result is negative: minus the working days after b up to and including a
// (how many working days overdue).
func (c *Calendar) WorkingDaysBetween(a, b Date) (int, Warnings) {
	if b.Before(a) {
		n, w := c.WorkingDaysBetween(b, a)
		return -n, w
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	var w Warnings
	n := 0
	for d := a.AddDays(1); !d.After(b); d = d.AddDays(1) {
		if c.isWorkingDay(d, &w) {
			n++
		}
	}
	return n, w
}
