package calendar

import (
	"fmt"
	"slices"
	"strings"
)

// Warnings are conditions of a computation that its caller must show to the
// user and log: the result is still given, but rests on a guess.
type Warnings struct {
	// MissingYears are the years, in order, in which the computation looked
	// at a day with no official schedule: such days were counted from the
	// weekday alone (Monday to Friday working), without holidays or 调休.
	MissingYears []int
}

// Empty reports whether there is nothing to warn about.
func (w Warnings) Empty() bool { return len(w.MissingYears) == 0 }

// Merge returns the union of w and o.
func (w Warnings) Merge(o Warnings) Warnings {
	out := Warnings{MissingYears: slices.Clone(w.MissingYears)}
	for _, y := range o.MissingYears {
		out.addMissing(y)
	}
	return out
}

// Messages returns one Chinese sentence per warning, for pages and logs.
func (w Warnings) Messages() []string {
	var out []string
	for _, y := range w.MissingYears {
		out = append(out, fmt.Sprintf("%d 年没有官方节假日安排数据，该年仅按周六、周日休息计算工作日，结果可能不准确；请管理员导入该年的节假日安排", y))
	}
	return out
}

// String joins the messages with "；", or returns "" when empty.
func (w Warnings) String() string { return strings.Join(w.Messages(), "；") }

func (w *Warnings) addMissing(year int) {
	i, found := slices.BinarySearch(w.MissingYears, year)
	if !found {
		w.MissingYears = slices.Insert(w.MissingYears, i, year)
	}
}
