package report

import (
	"strings"
	"testing"
)

// balanced returns a consistent 2019-format report: 5 received from natural
// persons, 1 carried in, 4 disclosed, 1 not held, 1 carried out.
func balanced(year int, f Format) *Report {
	r := New("某市某局", year, f)
	r.Applications["received"] = [7]int{5, 0, 0, 0, 0, 0, 5}
	r.Applications["carried_in"] = [7]int{1, 0, 0, 0, 0, 0, 1}
	r.Applications["disclosed"] = [7]int{4, 0, 0, 0, 0, 0, 4}
	r.Applications["unavailable.not_held"] = [7]int{1, 0, 0, 0, 0, 0, 1}
	r.Applications["total"] = [7]int{5, 0, 0, 0, 0, 0, 5}
	r.Applications["carried_out"] = [7]int{1, 0, 0, 0, 0, 0, 1}
	r.ReviewLitigation.Review = ReviewRow{Upheld: 1, Pending: 1, Total: 2}
	return r
}

func TestCheck(t *testing.T) {
	type want struct {
		rule, row, col    string
		expected, actual  float64
		messageMentioning string
	}
	tests := []struct {
		name   string
		format Format
		edit   func(r *Report)
		want   []want
	}{
		{"consistent 2019", Format2019, func(*Report) {}, nil},
		{"consistent 2021", Format2021, func(*Report) {}, nil},
		{"carried out too small", Format2019, func(r *Report) {
			r.Applications["carried_out"] = [7]int{0, 0, 0, 0, 0, 0, 0}
		}, []want{
			{RuleBalance, "", "natural_person", 6, 5, "自然人"},
			{RuleBalance, "", "total", 6, 5, "总计"},
		}},
		{"row total off", Format2019, func(r *Report) {
			r.Applications["received"] = [7]int{5, 0, 0, 0, 0, 0, 6}
		}, []want{
			{RuleBalance, "", "total", 7, 6, "本年新收"},
			{RuleRowTotal, "received", "total", 5, 6, "一、本年新收政府信息公开申请数量"},
		}},
		{"outcome row missing from total", Format2021, func(r *Report) {
			r.Applications["other.fee_unpaid"] = [7]int{0, 0, 2, 0, 0, 0, 2}
		}, []want{
			{RuleOutcomeTotal, "total", "research", 2, 0, "科研机构"},
			{RuleOutcomeTotal, "total", "total", 7, 5, "（七）总计"},
		}},
		{"2019 other row counts", Format2019, func(r *Report) {
			r.Applications["other"] = [7]int{1, 0, 0, 0, 0, 0, 1}
		}, []want{
			{RuleOutcomeTotal, "total", "natural_person", 6, 5, "自然人"},
			{RuleOutcomeTotal, "total", "total", 6, 5, "总计"},
		}},
		{"review total", Format2021, func(r *Report) {
			r.ReviewLitigation.LitigationAfterReview = ReviewRow{Corrected: 3, Total: 2}
		}, []want{
			{RuleReviewTotal, "litigation_after_review", "total", 3, 2, "复议后起诉"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := balanced(2021, tt.format)
			tt.edit(r)
			got := Check(r)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d findings %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				f := got[i]
				if f.Rule != w.rule || f.Row != w.row || f.Column != w.col || f.Severity != SeverityError {
					t.Errorf("finding %d = %s %s/%s %s, want %s %s/%s error", i, f.Rule, f.Row, f.Column, f.Severity, w.rule, w.row, w.col)
				}
				if f.Expected == nil || f.Actual == nil || *f.Expected != w.expected || *f.Actual != w.actual {
					t.Errorf("finding %d numbers = %v/%v, want %v/%v", i, f.Expected, f.Actual, w.expected, w.actual)
				}
				if !strings.Contains(f.Message, w.messageMentioning) {
					t.Errorf("finding %d message %q does not mention %q", i, f.Message, w.messageMentioning)
				}
			}
		})
	}
}

func TestCheckUnknownFormat(t *testing.T) {
	if got := Check(&Report{Format: "1999"}); got != nil {
		t.Errorf("Check(unknown format) = %v, want nil", got)
	}
}

func TestCheckYears(t *testing.T) {
	tests := []struct {
		name       string
		prevYear   int
		format     Format
		edit       func(prev, cur *Report)
		wantRules  []string
		wantRow    string
		wantNumber [2]float64
	}{
		{"carry agrees", 2021, Format2021, func(_, _ *Report) {}, nil, "", [2]float64{}},
		{"not consecutive", 2019, Format2019, func(_, cur *Report) {
			cur.Year = 2022
			cur.Applications["carried_in"] = [7]int{}
		}, nil, "", [2]float64{}},
		{"carry differs", 2021, Format2021, func(_, cur *Report) {
			cur.Applications["carried_in"] = [7]int{0, 0, 0, 0, 0, 0, 0}
			cur.Applications["received"] = [7]int{6, 0, 0, 0, 0, 0, 6}
		}, []string{RuleCarry, RuleCarry}, "carried_in", [2]float64{1, 0}},
		{"items change agrees", 2019, Format2019, func(prev, cur *Report) {
			prev.Proactive["licensing"] = map[string]float64{"prev_items": 161, "change": 14, "decisions": 9}
			cur.Proactive["licensing"] = map[string]float64{"prev_items": 175, "change": -3, "decisions": 9}
		}, nil, "", [2]float64{}},
		{"items change differs", 2019, Format2019, func(prev, cur *Report) {
			prev.Proactive["fees"] = map[string]float64{"prev_items": 3, "change": -1}
			cur.Proactive["fees"] = map[string]float64{"prev_items": 3, "change": 0}
		}, []string{RuleItemsChange}, "fees", [2]float64{2, 3}},
		{"in force differs", 2022, Format2021, func(prev, cur *Report) {
			prev.Proactive["rules"] = map[string]float64{"issued": 1, "repealed": 0, "in_force": 11}
			cur.Proactive["rules"] = map[string]float64{"issued": 2, "repealed": 1, "in_force": 11}
		}, []string{RuleInForce}, "rules", [2]float64{12, 11}},
		{"in force agrees", 2022, Format2021, func(prev, cur *Report) {
			prev.Proactive["normative_documents"] = map[string]float64{"issued": 8, "repealed": 26, "in_force": 66}
			cur.Proactive["normative_documents"] = map[string]float64{"issued": 5, "repealed": 1, "in_force": 70}
		}, nil, "", [2]float64{}},
		{"format change skips proactive", 2020, Format2019, func(prev, cur *Report) {
			fresh := balanced(2021, Format2021)
			*cur = *fresh
			prev.Proactive["rules"]["total"] = 40
		}, nil, "", [2]float64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev, cur := balanced(tt.prevYear, tt.format), balanced(tt.prevYear+1, tt.format)
			tt.edit(prev, cur)
			got := CheckYears(prev, cur)
			if len(got) != len(tt.wantRules) {
				t.Fatalf("got %d findings %+v, want %v", len(got), got, tt.wantRules)
			}
			for i, rule := range tt.wantRules {
				if got[i].Rule != rule {
					t.Errorf("finding %d rule = %s, want %s", i, got[i].Rule, rule)
				}
			}
			if len(got) > 0 {
				f := got[0]
				if f.Row != tt.wantRow || *f.Expected != tt.wantNumber[0] || *f.Actual != tt.wantNumber[1] {
					t.Errorf("first finding %s %v/%v, want %s %v", f.Row, *f.Expected, *f.Actual, tt.wantRow, tt.wantNumber)
				}
				if f.Message == "" {
					t.Error("empty message")
				}
			}
		})
	}
}

func TestCheckYearsNil(t *testing.T) {
	if got := CheckYears(nil, balanced(2021, Format2021)); got != nil {
		t.Errorf("CheckYears(nil, r) = %v", got)
	}
}
