package calendar

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/errs"
)

const schedule2028 = `{
  "$schema": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
  "year": 2028,
  "papers": ["https://www.gov.cn/example"],
  "days": [
    {"name": "元旦", "date": "2027-12-31", "isOffDay": true},
    {"name": "元旦", "date": "2028-01-01", "isOffDay": true},
    {"name": "春节", "date": "2028-01-22", "isOffDay": false},
    {"name": "春节", "date": "2028-01-26", "isOffDay": true}
  ]
}`

func TestLoad(t *testing.T) {
	c := mustDefault(t)
	if err := c.Load(strings.NewReader(schedule2028)); err != nil {
		t.Fatalf("Load: %v", err)
	}
	if !c.HasSchedule(2028) {
		t.Fatal("2028 not loaded")
	}
	for _, tt := range []struct {
		date    string
		working bool
		missing []int
	}{
		{"2028-01-22", true, nil},         // listed make-up Saturday
		{"2028-01-26", false, nil},        // listed off-day, a Wednesday
		{"2028-01-27", true, nil},         // unlisted Thursday, now known
		{"2027-12-31", false, nil},        // listed by 2028's notice
		{"2027-12-30", true, []int{2027}}, // 2027 still has no schedule
	} {
		got, w := c.IsWorkingDay(d(tt.date))
		if got != tt.working || !slices.Equal(w.MissingYears, tt.missing) {
			t.Errorf("after Load, IsWorkingDay(%s) = %v, %v; want %v, %v", tt.date, got, w.MissingYears, tt.working, tt.missing)
		}
	}
	// Loading the year again replaces it: 2028-01-26 is no longer listed.
	replaced := strings.Replace(schedule2028, `{"name": "春节", "date": "2028-01-26", "isOffDay": true}`, `{"name": "春节", "date": "2028-01-25", "isOffDay": true}`, 1)
	if err := c.Load(strings.NewReader(replaced)); err != nil {
		t.Fatalf("Load again: %v", err)
	}
	if ok, _ := c.IsWorkingDay(d("2028-01-26")); !ok {
		t.Error("replaced schedule still marks 2028-01-26 off")
	}
}

func TestLoadRejects(t *testing.T) {
	tests := []struct{ name, json, want string }{
		{"not JSON", `{"year": 2028,`, "不是有效的 JSON"},
		{"trailing data", `{"year":2028,"days":[{"name":"元旦","date":"2028-01-01","isOffDay":true}]} {}`, "多余内容"},
		{"no year", `{"days":[{"name":"元旦","date":"2028-01-01","isOffDay":true}]}`, "年份 0 无效"},
		{"no days", `{"year":2028,"papers":[],"days":[]}`, "没有列出任何日期"},
		{"bad date", `{"year":2028,"days":[{"name":"x","date":"2028-02-30","isOffDay":true}]}`, `"2028-02-30" 无效`},
		{"missing date", `{"year":2028,"days":[{"name":"x","isOffDay":true}]}`, "缺少日期"},
		{"date of another year", `{"year":2028,"days":[{"name":"x","date":"2027-06-01","isOffDay":true}]}`, "不属于该年"},
		{"January of the year before", `{"year":2028,"days":[{"name":"x","date":"2027-01-01","isOffDay":true}]}`, "不属于该年"},
		{"duplicate date", `{"year":2028,"days":[{"name":"x","date":"2028-01-01","isOffDay":true},{"name":"y","date":"2028-01-01","isOffDay":false}]}`, "重复列出日期 2028-01-01"},
	}
	for _, tt := range tests {
		c := mustDefault(t)
		err := c.Load(strings.NewReader(tt.json))
		if !errors.Is(err, errs.ErrInvalid) || !strings.Contains(errs.Message(err), tt.want) {
			t.Errorf("%s: Load error = %v, want an invalid-input error containing %q", tt.name, err, tt.want)
		}
		if c.HasSchedule(2028) {
			t.Errorf("%s: a rejected schedule was added", tt.name)
		}
	}
}

func TestNewFromEmbeddedPlusExtra(t *testing.T) {
	embedded, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	extra, err := ParseSchedule(strings.NewReader(schedule2028))
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(append(embedded, extra)...)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Years(); got[len(got)-1] != 2028 || len(got) != 9 {
		t.Errorf("Years() = %v, want 2019–2026 and 2028", got)
	}
	if got := extra.MakeUpDays(); len(got) != 1 || got[0].String() != "2028-01-22" {
		t.Errorf("MakeUpDays() = %v, want [2028-01-22]", got)
	}
	if _, err := New(Schedule{Year: 2028}); err == nil {
		t.Error("New accepted a schedule with no days")
	}
}

func TestMakeUpDaysMatchSpec(t *testing.T) {
	// The make-up working days (调休上班) of the State Council's notices
	// for those years, written out by hand so that a wrong or truncated
	// file in holidays/ (docs/calendar.md, "Data") fails here.
	want := map[int]string{
		2019: "2018-12-29 2019-02-02 2019-02-03 2019-04-28 2019-05-05 2019-09-29 2019-10-12",
		2020: "2020-01-19 2020-02-03 2020-04-26 2020-05-09 2020-06-28 2020-09-27 2020-10-10",
		2025: "2025-01-26 2025-02-08 2025-04-27 2025-09-28 2025-10-11",
		2026: "2026-01-04 2026-02-14 2026-02-28 2026-05-09 2026-09-20 2026-10-10",
	}
	c := mustDefault(t)
	for y, w := range want {
		s, ok := c.Schedule(y)
		if !ok {
			t.Fatalf("no schedule for %d", y)
		}
		var got []string
		for _, m := range s.MakeUpDays() {
			got = append(got, m.String())
		}
		if strings.Join(got, " ") != w {
			t.Errorf("%d make-up days = %v, want %s", y, got, w)
		}
	}
}

func TestParseDateAndPeriod(t *testing.T) {
	for _, s := range []string{"2024-02-29", "2019-01-01"} {
		if got, err := ParseDate(s); err != nil || got.String() != s {
			t.Errorf("ParseDate(%q) = %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "2025-02-29", "2025-1-5", "2025/01/05", "20250105", "2025-01-05T00:00:00Z", " 2025-01-05"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
	if p, err := ParsePeriod("2020-10-01:2020-10-08"); err != nil || p.String() != "2020-10-01:2020-10-08" {
		t.Errorf("ParsePeriod = %v, %v", p, err)
	}
	for s, want := range map[string]string{
		"2020-10-01":            "应为 开始日期:结束日期",
		"2020-10-08:2020-10-01": "结束日期早于开始日期",
		"2020-10-01:2020-13-01": "结束日期",
		"x:2020-10-01":          "开始日期",
	} {
		if _, err := ParsePeriod(s); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParsePeriod(%q) error = %v, want %q", s, err, want)
		}
	}
}

func FuzzParseSchedule(f *testing.F) {
	f.Add([]byte(schedule2028))
	f.Add([]byte(`{"year":2019,"days":[{"date":"2018-12-29"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ParseSchedule(bytes.NewReader(b))
		if err != nil {
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("ParseSchedule returned an invalid schedule: %v", err)
		}
		c, err := New(s)
		if err != nil {
			t.Fatalf("New rejected a parsed schedule: %v", err)
		}
		for _, day := range s.Days {
			if ok, _ := c.IsWorkingDay(day.Date); ok == day.IsOffDay {
				t.Fatalf("listed day %s: working=%v but isOffDay=%v", day.Date, ok, day.IsOffDay)
			}
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	f.Add("2020-10-01:2020-10-08")
	f.Add("2020-10-08:2020-10-01")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		if p.End.Before(p.Start) || p.String() != s {
			t.Fatalf("ParsePeriod(%q) = %v", s, p)
		}
	})
}
