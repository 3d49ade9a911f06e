package cases

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/report"
)

// Every outcome row of each official format is reached by the outcomes,
// and only those rows: a report built from cases covers its table exactly.
func TestOutcomesCoverReportRows(t *testing.T) {
	for _, f := range []report.Format{report.Format2019, report.Format2021} {
		layout, ok := report.LayoutOf(f)
		if !ok {
			t.Fatalf("no layout for %s", f)
		}
		reached := map[string]int{}
		for _, info := range Outcomes() {
			reached[info.Outcome.ReportRow(f)]++
		}
		for _, key := range layout.Outcomes {
			if reached[key] == 0 {
				t.Errorf("format %s: row %q is reached by no outcome", f, key)
			}
			delete(reached, key)
		}
		for key := range reached {
			t.Errorf("format %s: outcomes map to %q, which is not an outcome row", f, key)
		}
	}
	if got := OtherFeeUnpaid.ReportRow(report.Format2019); got != "other" {
		t.Errorf("other.fee_unpaid in 2019 → %q, want other", got)
	}
	if got := OtherFeeUnpaid.ReportRow(report.Format2021); got != "other.fee_unpaid" {
		t.Errorf("other.fee_unpaid in 2021 → %q", got)
	}
	if got := WithheldThirdParty.ReportRow(report.Format2019); got != "withheld.third_party" {
		t.Errorf("withheld.third_party in 2019 → %q", got)
	}
}

// The labels agree with the printed labels of the 2021 table.
func TestOutcomeLabelsMatchReport(t *testing.T) {
	layout, _ := report.LayoutOf(report.Format2021)
	rows := map[string]report.Row{}
	for _, r := range layout.Applications {
		rows[r.Key] = r
	}
	if n := len(Outcomes()); n != len(layout.Outcomes) {
		t.Fatalf("%d outcomes, 2021 table has %d outcome rows", n, len(layout.Outcomes))
	}
	for i, info := range Outcomes() {
		r := rows[string(info.Outcome)]
		if layout.Outcomes[i] != string(info.Outcome) {
			t.Errorf("outcome %d is %s, report order has %s", i, info.Outcome, layout.Outcomes[i])
		}
		if !strings.Contains(r.Label, info.Label) {
			t.Errorf("%s: label %q not in the printed %q", info.Outcome, info.Label, r.Label)
		}
		if strings.Contains(string(info.Outcome), ".") && !strings.Contains(r.Group, info.Group) {
			t.Errorf("%s: group %q not in the printed %q", info.Outcome, info.Group, r.Group)
		}
		if info.Basis == "" && info.Outcome != OtherOther && info.Outcome != NotProcessedConfirmation {
			t.Errorf("%s has no legal basis", info.Outcome)
		}
	}
}

func TestOutcomeParseAndLabel(t *testing.T) {
	for _, tt := range []struct {
		key, label string
		ok         bool
	}{
		{"disclosed", "予以公开", true},
		{"partially_disclosed", "部分公开", true},
		{"withheld.state_secret", "不予公开：属于国家秘密", true},
		{"not_processed.duplicate", "不予处理：重复申请", true},
		{"other.other", "其他处理：其他", true},
		{"other", "", false}, // the 2019 row is not an outcome a case can have
		{"withheld", "", false},
		{"", "", false},
	} {
		o, err := ParseOutcome(tt.key)
		if (err == nil) != tt.ok {
			t.Errorf("ParseOutcome(%q) error = %v", tt.key, err)
			continue
		}
		if tt.ok && o.Label() != tt.label {
			t.Errorf("%s.Label() = %q, want %q", o, o.Label(), tt.label)
		}
	}
	if !strings.Contains(WithheldProcessInfo.Basis(), "第十六条第二款") {
		t.Errorf("withheld.process_info basis = %q", WithheldProcessInfo.Basis())
	}
}

func TestApplicantKinds(t *testing.T) {
	var cols []int
	for _, k := range ApplicantKinds() {
		c := k.Column()
		cols = append(cols, c)
		if report.ApplicantColumns[c].Key != string(k) {
			t.Errorf("%s → column %d (%s)", k, c, report.ApplicantColumns[c].Key)
		}
		if got, err := ParseApplicantKind(string(k)); err != nil || got != k {
			t.Errorf("ParseApplicantKind(%q) = %q, %v", k, got, err)
		}
	}
	if want := []int{0, 1, 2, 3, 4, 5}; !slices.Equal(cols, want) {
		t.Errorf("columns = %v, want %v", cols, want)
	}
	for _, tt := range []struct {
		k     ApplicantKind
		org   bool
		label string
	}{
		{NaturalPerson, false, "自然人"},
		{Commercial, true, "法人或其他组织·商业企业"},
		{LegalService, true, "法人或其他组织·法律服务机构"},
		{OtherOrg, true, "法人或其他组织·其他"},
		{"total", false, "total"},
	} {
		if tt.k.IsOrganization() != tt.org || tt.k.Label() != tt.label {
			t.Errorf("%s: org=%v label=%q; want %v %q", tt.k, tt.k.IsOrganization(), tt.k.Label(), tt.org, tt.label)
		}
	}
	if _, err := ParseApplicantKind("total"); err == nil {
		t.Error("ParseApplicantKind accepted the total column")
	}
}
