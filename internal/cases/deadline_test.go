package cases

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
)

func testCalendar(t *testing.T) *calendar.Calendar {
	t.Helper()
	cal, err := calendar.Default()
	if err != nil {
		t.Fatal(err)
	}
	return cal
}

func day(s string) calendar.Date {
	if s == "" {
		return calendar.Date{}
	}
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestComputeAnswerDeadline(t *testing.T) {
	cal := testCalendar(t)
	tests := []struct {
		name      string
		facts     AnswerFacts
		today     string
		start     string
		due       string
		left      int
		overdue   bool
		paused    bool
		missingYr []int
	}{
		{"国庆/中秋 2020, make-up Sunday and Saturday count",
			AnswerFacts{Received: day("2020-09-25")}, "2020-10-20", "2020-09-25", "2020-10-29", 7, false, false, nil},
		{"due today", AnswerFacts{Received: day("2020-09-25")}, "2020-10-29", "2020-09-25", "2020-10-29", 0, false, false, nil},
		{"overdue by two working days",
			AnswerFacts{Received: day("2020-09-25")}, "2020-11-02", "2020-09-25", "2020-10-29", -2, true, false, nil},
		{"extension of 20 working days",
			AnswerFacts{Received: day("2020-09-25"), ExtensionDays: 20}, "2020-11-01", "2020-09-25", "2020-11-26", 19, false, false, nil},
		{"correction restarts the period (春节 2026, make-up Saturday 02-28)",
			AnswerFacts{Received: day("2026-02-06"), CorrectedReceived: day("2026-02-26")}, "2026-03-02", "2026-02-26", "2026-03-25", 17, false, false, nil},
		{"closed third-party consultation over 国庆 2020",
			AnswerFacts{Received: day("2020-09-25"), Pauses: []Pause{{PauseThirdParty, day("2020-09-28"), day("2020-10-12"), ""}}},
			"2020-10-20", "2020-09-25", "2020-11-06", 13, false, false, nil},
		{"agency consultation still running: due assumes it ends today",
			AnswerFacts{Received: day("2020-09-25"), Pauses: []Pause{{PauseAgency, day("2020-10-09"), calendar.Date{}, ""}}},
			"2020-10-14", "2020-09-25", "2020-11-05", 16, false, true, nil},
		{"pause before a correction does not move the restarted period",
			AnswerFacts{Received: day("2026-02-06"), CorrectedReceived: day("2026-02-26"), Pauses: []Pause{{PauseFee, day("2026-02-09"), day("2026-02-13"), ""}}},
			"2026-03-02", "2026-02-26", "2026-03-25", 17, false, false, nil},
		{"years without a schedule are warned about",
			AnswerFacts{Received: day("2027-12-20")}, "2027-12-21", "2027-12-20", "2028-01-17", 19, false, false, []int{2027, 2028}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ComputeAnswerDeadline(cal, tt.facts, day(tt.today))
			if err != nil {
				t.Fatal(err)
			}
			if got.Start.String() != tt.start || got.Due.String() != tt.due || got.DaysLeft != tt.left ||
				got.Overdue != tt.overdue || got.Paused != tt.paused {
				t.Errorf("got start %s due %s left %d overdue %v paused %v; want %s %s %d %v %v",
					got.Start, got.Due, got.DaysLeft, got.Overdue, got.Paused, tt.start, tt.due, tt.left, tt.overdue, tt.paused)
			}
			if !slices.Equal(got.Warnings.MissingYears, tt.missingYr) {
				t.Errorf("missing years %v, want %v", got.Warnings.MissingYears, tt.missingYr)
			}
		})
	}
}

func TestComputeAnswerDeadlineRejects(t *testing.T) {
	cal := testCalendar(t)
	r := day("2020-09-25")
	today := day("2020-10-20")
	tests := []struct {
		facts AnswerFacts
		want  string
	}{
		{AnswerFacts{}, "缺少收到申请之日"},
		{AnswerFacts{Received: day("2020-10-21")}, "晚于今天"},
		{AnswerFacts{Received: r, CorrectedReceived: day("2020-09-24")}, "早于收到申请之日"},
		{AnswerFacts{Received: r, CorrectedReceived: day("2020-10-21")}, "收到补正申请之日 2020-10-21 晚于今天"},
		{AnswerFacts{Received: r, ExtensionDays: 21}, "0 到 20 个工作日，而不是 21 个"},
		{AnswerFacts{Received: r, ExtensionDays: -1}, "而不是 -1 个"},
		{AnswerFacts{Received: r, Pauses: []Pause{{"holiday", r, r, ""}}}, `原因 "holiday" 无效`},
		{AnswerFacts{Received: r, Pauses: []Pause{{PauseAgency, calendar.Date{}, r, ""}}}, "缺少开始日期"},
		{AnswerFacts{Received: r, Pauses: []Pause{{PauseAgency, day("2020-10-21"), calendar.Date{}, ""}}}, "开始日期 2020-10-21 晚于今天"},
		{AnswerFacts{Received: r, Pauses: []Pause{{PauseAgency, day("2020-10-01"), day("2020-09-30"), ""}}}, "早于开始日期"},
		{AnswerFacts{Received: r, Pauses: []Pause{{PauseAgency, day("2020-10-01"), day("2020-10-21"), ""}}}, "结束日期 2020-10-21 晚于今天"},
	}
	for _, tt := range tests {
		_, err := ComputeAnswerDeadline(cal, tt.facts, today)
		if !errors.Is(err, errs.ErrInvalid) || !strings.Contains(errs.Message(err), tt.want) {
			t.Errorf("%+v: error %v, want invalid input containing %q", tt.facts, err, tt.want)
		}
	}
}

func TestOtherDeadlines(t *testing.T) {
	cal := testCalendar(t)
	tests := []struct {
		name    string
		fn      func(*calendar.Calendar, calendar.Date, calendar.Date) Countdown
		from    string
		today   string
		due     string
		left    int
		overdue bool
	}{
		{"补正 notice: 7 working days over 国庆 2020", CorrectionNoticeDeadline, "2020-09-25", "2020-10-09", "2020-10-12", 2, false},
		{"补正 notice on the day it is due", CorrectionNoticeDeadline, "2020-09-25", "2020-10-12", "2020-10-12", 0, false},
		{"consultation: 15 working days over 春节 2026", ConsultationDeadline, "2026-02-10", "2026-03-05", "2026-03-09", 2, false},
		{"fee: 20 working days from the day after notice, 国庆 2024", FeePaymentDeadline, "2024-09-27", "2024-11-01", "2024-10-30", -2, true},
	}
	for _, tt := range tests {
		got := tt.fn(cal, day(tt.from), day(tt.today))
		if got.Due.String() != tt.due || got.DaysLeft != tt.left || got.Overdue != tt.overdue || !got.Warnings.Empty() {
			t.Errorf("%s: got %s left %d overdue %v warnings %v; want %s %d %v",
				tt.name, got.Due, got.DaysLeft, got.Overdue, got.Warnings, tt.due, tt.left, tt.overdue)
		}
	}
}
