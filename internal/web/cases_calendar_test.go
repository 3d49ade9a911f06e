package web_test

import (
	"context"
	"regexp"
	"strconv"
	"testing"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

var dueRe = regexp.MustCompile(`id="due">(\d{4}-\d{2}-\d{2})`)

// TestCaseDeadlineUsesLoadedSchedule: a holiday schedule an administrator
// loads into the database moves the due dates shown, without a restart.
func TestCaseDeadlineUsesLoadedSchedule(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		bureau := e.ids[demo.Bureau]
		list, err := db.Cases(ctx, store.CaseFilter{AgencyIDs: []int64{bureau}, Open: true})
		if err != nil {
			t.Fatal(err)
		}
		var id int64
		for _, c := range list {
			if c.Request.Description == "2026年度政府信息公开工作要点" {
				id = c.ID
			}
		}
		if id == 0 {
			t.Fatal("demo case missing")
		}
		page := "/office/a/" + strconv.FormatInt(bureau, 10) + "/cases/" + strconv.FormatInt(id, 10)
		officer := e.login("spj-officer")
		due := func() string {
			t.Helper()
			_, body := officer.get(page)
			m := dueRe.FindStringSubmatch(body)
			if m == nil {
				t.Fatal("no due date on the case page")
			}
			return m[1]
		}
		before := due() // received 2026-11-16: 20 working days later
		sched, ok := mustCalendar(t).Schedule(2026)
		if !ok {
			t.Fatal("no embedded 2026 schedule")
		}
		for _, d := range []string{"2026-12-01", "2026-12-02", "2026-12-03"} { // Tuesday to Thursday
			day, _ := calendar.ParseDate(d)
			sched.Days = append(sched.Days, calendar.Day{Name: "测试假日", Date: day, IsOffDay: true})
		}
		if err := db.SaveHolidaySchedule(ctx, sched, auditlog.Change{Actor: "admin", Action: "holidays.load"}); err != nil {
			t.Fatal(err)
		}
		b, _ := calendar.ParseDate(before)
		if after := due(); after != b.AddDays(3).String() && after != b.AddDays(5).String() {
			t.Errorf("due %s before loading three more days off, %s after", before, after)
		}
	})
}

func mustCalendar(t *testing.T) *calendar.Calendar {
	t.Helper()
	cal, err := calendar.Default()
	if err != nil {
		t.Fatal(err)
	}
	return cal
}
