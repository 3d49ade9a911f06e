package calendar

import (
	"fmt"
	"strings"
)

// Period is a span of days, both ends included, during which a deadline's
// clock stops (for example a consultation of a third party, 条例第三十二条).
type Period struct {
	Start, End Date
}

// Contains reports whether d lies in the period, ends included.
func (p Period) Contains(d Date) bool {
	return !d.Before(p.Start) && !d.After(p.End)
}

// String formats the period as START:END.
func (p Period) String() string { return p.Start.String() + ":" + p.End.String() }

// ParsePeriod reads a period written YYYY-MM-DD:YYYY-MM-DD and rejects one
// that ends before it starts.
func ParsePeriod(s string) (Period, error) {
	a, b, ok := strings.Cut(s, ":")
	if !ok {
		return Period{}, fmt.Errorf("时段 %q 无效，应为 开始日期:结束日期（YYYY-MM-DD:YYYY-MM-DD）", s)
	}
	start, err := ParseDate(a)
	if err != nil {
		return Period{}, fmt.Errorf("时段 %q 的开始日期: %w", s, err)
	}
	end, err := ParseDate(b)
	if err != nil {
		return Period{}, fmt.Errorf("时段 %q 的结束日期: %w", s, err)
	}
	if end.Before(start) {
		return Period{}, fmt.Errorf("时段 %q 无效：结束日期早于开始日期", s)
	}
	return Period{start, end}, nil
}
