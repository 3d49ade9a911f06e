package litigation

import (
	"errors"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func valid() Record {
	return Record{Kind: Review, Body: "长治市人民政府", Filed: day("2021-03-01"), Stage: "已受理", Result: Pending}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(r *Record)
		ok   bool
	}{
		{"valid pending", func(r *Record) {}, true},
		{"valid decided", func(r *Record) { r.Result, r.Decided, r.Stage = Upheld, day("2021-05-01"), "已审结" }, true},
		{"unknown kind", func(r *Record) { r.Kind = "appeal" }, false},
		{"no body", func(r *Record) { r.Body = "  " }, false},
		{"no filing date", func(r *Record) { r.Filed = time.Time{} }, false},
		{"unknown stage", func(r *Record) { r.Stage = "调解" }, false},
		{"unknown result", func(r *Record) { r.Result = "won" }, false},
		{"pending with a decision", func(r *Record) { r.Decided = day("2021-04-01") }, false},
		{"decided without a date", func(r *Record) { r.Result = Corrected }, false},
		{"decided before filed", func(r *Record) { r.Result, r.Decided = Other, day("2021-02-01") }, false},
		{"negative case", func(r *Record) { r.CaseID = -1 }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := valid()
			tt.edit(&r)
			err := r.Validate()
			if (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v, want ok=%v", err, tt.ok)
			}
			if err != nil && (!errors.Is(err, errs.ErrInvalid) || errs.Message(err) == "") {
				t.Errorf("error %v is not an invalid error with a message", err)
			}
		})
	}
}

func TestCount(t *testing.T) {
	rec := func(k Kind, filed string, res Result, decided string) Record {
		r := Record{Kind: k, Filed: day(filed), Result: res}
		if decided != "" {
			r.Decided = day(decided)
		}
		return r
	}
	records := []Record{
		rec(Review, "2021-02-01", Upheld, "2021-04-01"),
		rec(Review, "2021-06-01", Corrected, "2021-08-01"),
		rec(Review, "2021-12-20", Upheld, "2022-02-01"), // decided next year: pending at year end
		rec(Review, "2020-12-01", Upheld, "2021-01-15"), // filed the year before: not this year's
		rec(LitigationDirect, "2021-03-01", Other, "2021-09-01"),
		rec(LitigationDirect, "2021-10-01", Pending, ""),
		rec(LitigationAfterReview, "2021-07-01", Corrected, "2021-11-30"),
		rec(LitigationAfterReview, "2022-01-02", Upheld, "2022-03-01"),
	}
	got := Count(records, 2021)
	want := report.ReviewLitigation{
		Review:                report.ReviewRow{Upheld: 1, Corrected: 1, Pending: 1, Total: 3},
		LitigationDirect:      report.ReviewRow{Other: 1, Pending: 1, Total: 2},
		LitigationAfterReview: report.ReviewRow{Corrected: 1, Total: 1},
	}
	if got != want {
		t.Fatalf("Count(2021) = %+v, want %+v", got, want)
	}
	r := report.New("x", 2021, report.Format2021)
	r.ReviewLitigation = got
	if fs := report.Check(r); len(fs) != 0 {
		t.Errorf("counted part 四 does not balance: %v", fs)
	}
	if got := Count(records, 2020); got.Review != (report.ReviewRow{Pending: 1, Total: 1}) {
		t.Errorf("Count(2020).Review = %+v, want one pending (decided in 2021)", got.Review)
	}
}
