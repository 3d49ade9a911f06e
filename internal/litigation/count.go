package litigation

import (
	"time"

	"github.com/gongkai/gongkai/internal/report"
)

// Count returns part 四 of the annual report on year from an agency's
// records: every proceeding filed in the year counts once, in its kind's
// group, under its result as it stood on 31 December (a decision of the
// next year still counts as 尚未审结). Records filed in other years are
// skipped, so the totals balance by construction.
func Count(records []Record, year int) report.ReviewLitigation {
	var out report.ReviewLitigation
	yearEnd := time.Date(year, time.December, 31, 23, 59, 59, 0, time.UTC)
	for i := range records {
		r := &records[i]
		if r.Filed.UTC().Year() != year {
			continue
		}
		g := out.Group(string(r.Kind))
		if g == nil {
			continue
		}
		switch r.ResultAt(yearEnd) {
		case Upheld:
			g.Upheld++
		case Corrected:
			g.Corrected++
		case Other:
			g.Other++
		default:
			g.Pending++
		}
		g.Total++
	}
	return out
}
