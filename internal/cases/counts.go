package cases

import (
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/report"
)

// Counts are one agency's application figures for one reporting year, by
// the seven applicant columns of part 三 (index report.Col*, the last the
// total). Built with Add, they satisfy applications.balance per column by
// construction: every case received by the end of the year and not closed
// before it is either closed in the year (an outcome row) or carried out.
type Counts struct {
	Year      int
	Format    report.Format
	Received  [7]int
	CarriedIn [7]int
	// Outcomes holds the outcome rows with at least one case, by the row
	// key of Format (Outcome.ReportRow).
	Outcomes   map[string][7]int
	CarriedOut [7]int
}

// NewCounts returns empty counts for a year in the format of that year's
// report.
func NewCounts(year int, f report.Format) Counts {
	return Counts{Year: year, Format: f, Outcomes: map[string][7]int{}}
}

// CountedCase is what Add needs to know of a case.
type CountedCase struct {
	Kind     ApplicantKind
	Received calendar.Date // zero: not yet received, not counted
	Closed   calendar.Date // zero: still open
	Outcome  Outcome
}

// Add counts one case, and reports whether it belongs to the year at all.
// A case counts as received in the year of its day of receipt, carried in
// when received earlier and not closed before the year, closed in the year
// of its closing day, carried out when not closed by the end of the year.
func (c *Counts) Add(k CountedCase) bool {
	col := k.Kind.Column()
	if col < 0 || k.Received.IsZero() || k.Received.Year > c.Year || (!k.Closed.IsZero() && k.Closed.Year < c.Year) {
		return false
	}
	bump := func(row *[7]int) {
		row[col]++
		row[report.ColTotal]++
	}
	if k.Received.Year == c.Year {
		bump(&c.Received)
	} else {
		bump(&c.CarriedIn)
	}
	if k.Closed.IsZero() || k.Closed.Year > c.Year {
		bump(&c.CarriedOut)
		return true
	}
	key := k.Outcome.ReportRow(c.Format)
	row := c.Outcomes[key]
	bump(&row)
	c.Outcomes[key] = row
	return true
}

// Total returns the sum of the outcome rows, the report's "total" row.
func (c *Counts) Total() [7]int {
	var t [7]int
	for _, row := range c.Outcomes {
		for i := range t {
			t[i] += row[i]
		}
	}
	return t
}

// Fill writes the counts into part 三 of r: received, carried_in, every
// outcome row, total and carried_out.
func (c *Counts) Fill(r *report.Report) {
	if r.Applications == nil {
		r.Applications = map[string][7]int{}
	}
	r.Applications["received"] = c.Received
	r.Applications["carried_in"] = c.CarriedIn
	for key, row := range c.Outcomes {
		r.Applications[key] = row
	}
	r.Applications["total"] = c.Total()
	r.Applications["carried_out"] = c.CarriedOut
}
