package report_test

import (
	"os"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/audit"
	"github.com/gongkai/gongkai/internal/report"
)

// TestModelDocumented keeps docs/report-model.md in step with the code:
// every cell key of both formats and every rule id a finding can carry
// appears there, written as `key`. A key added to a layout without being
// documented fails here.
func TestModelDocumented(t *testing.T) {
	b, err := os.ReadFile("../../docs/report-model.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	want := map[string]string{} // key → where it comes from
	for _, f := range []report.Format{report.Format2019, report.Format2021} {
		l, ok := report.LayoutOf(f)
		if !ok {
			t.Fatalf("no layout for %s", f)
		}
		for _, r := range l.Proactive {
			want[r.Key] = string(f) + " part 二 row"
			for _, c := range r.Columns {
				want[c.Key] = string(f) + " part 二 column of " + r.Key
			}
		}
		for _, r := range l.Applications {
			want[r.Key] = string(f) + " part 三 row"
		}
	}
	for _, c := range report.ApplicantColumns {
		want[c.Key] = "part 三 column"
	}
	for _, c := range append(append([]report.Column{}, report.ReviewGroups...), report.ReviewColumns...) {
		want[c.Key] = "part 四"
	}
	for _, id := range []string{report.RuleBalance, report.RuleRowTotal, report.RuleOutcomeTotal, report.RuleReviewTotal,
		report.RuleCarry, report.RuleItemsChange, report.RuleInForce,
		audit.RuleUnreadable, audit.RuleMissingTable, audit.RuleTextTable, audit.RuleFormat, audit.RuleDeadline} {
		want[id] = "rule id"
	}
	for _, k := range []string{"agency", "year", "format", "proactive", "applications", "review_litigation", "info_fee_yuan"} {
		want[k] = "top-level JSON key"
	}
	if len(want) < 60 {
		t.Fatalf("only %d keys collected: the layouts were not read", len(want))
	}
	for k, from := range want {
		if !strings.Contains(doc, "`"+k+"`") {
			t.Errorf("%s %q is not in docs/report-model.md", from, k)
		}
	}
}
