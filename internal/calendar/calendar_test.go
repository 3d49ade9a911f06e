package calendar

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func mustDefault(t *testing.T) *Calendar {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return c
}

func d(s string) Date {
	p, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return p
}

func TestDefaultYears(t *testing.T) {
	c := mustDefault(t)
	want := []int{2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026}
	if got := c.Years(); !slices.Equal(got, want) {
		t.Errorf("Years() = %v, want %v (2027.json is empty and must not count)", got, want)
	}
	if !strings.Contains(License(), "Copyright (c) 2019 NateScarlet") {
		t.Error("embedded LICENSE lacks the MIT notice")
	}
}

func TestIsWorkingDay(t *testing.T) {
	c := mustDefault(t)
	tests := []struct {
		date    string
		working bool
		missing []int
		why     string
	}{
		{"2020-10-09", true, nil, "Friday between 国庆 and the make-up Saturday"},
		{"2020-10-08", false, nil, "国庆节、中秋节 2020, a Thursday"},
		{"2020-10-10", true, nil, "make-up Saturday 2020"},
		{"2020-10-11", false, nil, "ordinary Sunday"},
		{"2020-09-27", true, nil, "make-up Sunday before 国庆 2020"},
		{"2020-01-31", false, nil, "春节 2020 extended for COVID (a Friday)"},
		{"2020-02-03", true, nil, "Monday listed as working after the COVID extension"},
		{"2026-02-14", true, nil, "make-up Saturday before 春节 2026"},
		{"2026-02-23", false, nil, "last day of 春节 2026, a Monday"},
		{"2026-02-28", true, nil, "make-up Saturday after 春节 2026"},
		{"2026-01-04", true, nil, "make-up Sunday after 元旦 2026"},
		{"2018-12-29", true, nil, "make-up Saturday of 2018 listed only in 2019.json"},
		{"2018-12-31", false, nil, "元旦 off-day of 2018 listed only in 2019.json"},
		{"2022-12-31", false, nil, "listed only in 2023.json"},
		{"2018-12-28", true, []int{2018}, "unlisted day of a year with no schedule"},
		{"2027-10-01", true, []int{2027}, "2027.json is empty: weekday guess, with warning"},
		{"2028-01-01", false, []int{2028}, "Saturday of a year with no schedule"},
	}
	for _, tt := range tests {
		got, w := c.IsWorkingDay(d(tt.date))
		if got != tt.working || !slices.Equal(w.MissingYears, tt.missing) {
			t.Errorf("IsWorkingDay(%s) = %v, %v; want %v, %v (%s)", tt.date, got, w.MissingYears, tt.working, tt.missing, tt.why)
		}
	}
}

func TestAddWorkingDays(t *testing.T) {
	c := mustDefault(t)
	tests := []struct {
		name     string
		received string
		n        int
		pauses   []string
		want     string
		missing  []int
	}{
		{"国庆中秋 2020 with make-up Sunday and Saturday", "2020-09-25", 20, nil, "2020-10-29", nil},
		{"received on a holiday counts from the next working day", "2020-10-01", 1, nil, "2020-10-09", nil},
		{"received Friday, next working day Saturday 2020-10-10", "2020-10-09", 1, nil, "2020-10-10", nil},
		{"春节 2026 with two make-up Saturdays", "2026-02-06", 20, nil, "2026-03-12", nil},
		{"COVID-extended 春节 2020", "2020-01-20", 20, nil, "2020-02-25", nil},
		{"year boundary with 2018 days listed in 2019.json", "2018-12-28", 2, nil, "2019-01-02", nil},
		{"make-up Saturday of 2018 counts", "2018-12-28", 1, nil, "2018-12-29", nil},
		{"year boundary 2025 to 2026 元旦", "2025-12-30", 3, nil, "2026-01-05", nil},
		{"pause over the last 3 days before 国庆 2020", "2020-09-25", 20, []string{"2020-09-28:2020-09-30"}, "2020-11-03", nil},
		{"two pauses, one on days off only (no effect)", "2020-09-25", 20, []string{"2020-10-01:2020-10-08", "2020-10-19:2020-10-23"}, "2020-11-05", nil},
		{"pause starting on the day of receipt", "2024-03-01", 1, []string{"2024-03-01:2024-03-04"}, "2024-03-05", nil},
		{"zero days is the day of receipt", "2024-03-01", 0, nil, "2024-03-01", nil},
		{"2026 into empty 2027", "2026-12-25", 10, nil, "2027-01-08", []int{2027}},
		{"year without data 2028: weekends only", "2028-01-03", 20, nil, "2028-01-31", []int{2028}},
		{"2027 and 2028 both missing", "2027-12-30", 5, nil, "2028-01-06", []int{2027, 2028}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pauses []Period
			for _, s := range tt.pauses {
				p, err := ParsePeriod(s)
				if err != nil {
					t.Fatal(err)
				}
				pauses = append(pauses, p)
			}
			got, w := c.AddWorkingDays(d(tt.received), tt.n, pauses)
			if got.String() != tt.want {
				t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tt.received, tt.n, got, tt.want)
			}
			if !slices.Equal(w.MissingYears, tt.missing) {
				t.Errorf("missing years = %v, want %v", w.MissingYears, tt.missing)
			}
			if tt.missing != nil && !strings.Contains(w.String(), "没有官方节假日安排") {
				t.Errorf("warning text %q does not explain the missing schedule", w.String())
			}
		})
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	c := mustDefault(t)
	tests := []struct {
		a, b    string
		want    int
		missing []int
	}{
		{"2020-09-25", "2020-10-29", 20, nil},
		{"2020-10-29", "2020-10-29", 0, nil},
		{"2020-10-28", "2020-10-29", 1, nil},
		{"2020-10-01", "2020-10-08", 0, nil},
		{"2020-10-29", "2020-09-25", -20, nil},
		{"2026-02-13", "2026-02-24", 2, nil},
		{"2028-01-03", "2028-01-10", 5, []int{2028}},
	}
	for _, tt := range tests {
		got, w := c.WorkingDaysBetween(d(tt.a), d(tt.b))
		if got != tt.want || !slices.Equal(w.MissingYears, tt.missing) {
			t.Errorf("WorkingDaysBetween(%s, %s) = %d, %v; want %d, %v", tt.a, tt.b, got, w.MissingYears, tt.want, tt.missing)
		}
	}
}

func TestDateOfChinaTime(t *testing.T) {
	// 2024-12-31 17:30 UTC is already 2025-01-01 01:30 in Beijing.
	got := DateOf(time.Date(2024, 12, 31, 17, 30, 0, 0, time.UTC))
	if got != (Date{2025, time.January, 1}) {
		t.Errorf("DateOf = %s, want 2025-01-01", got)
	}
	if got := DateOf(time.Date(2025, 1, 1, 15, 59, 0, 0, time.UTC)); got.String() != "2025-01-01" {
		t.Errorf("DateOf(15:59Z) = %s, want 2025-01-01", got)
	}
	if got := d("2025-03-01").Time(); !got.Equal(time.Date(2025, 2, 28, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("Time() = %v, want 2025-02-28T16:00Z", got)
	}
}
