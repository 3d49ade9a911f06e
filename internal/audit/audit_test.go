package audit

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/report"
)

// seed2019 makes the seed agency's report for 2019 from its 2020 report:
// one application carried over into 2020, which 2020 does not show, and an
// item count of 其他对外管理服务事项 that does not carry over.
func seed2019(t *testing.T, seed string, carriedOut string) string {
	s := seed
	for _, e := range [][2]string{
		{"2020 年政府信息公开工作年度报告", "2019 年政府信息公开工作年度报告"},
		{"统计期限自2020年1月1日", "统计期限自2019年1月1日"},
		{"行政许可 161 +14 12209", "行政许可 150 +11 9000"},
		{"其他对外管理服务事项 111 -3 1301", "其他对外管理服务事项 115 -3 1000"},
		{"行政事业性收费 3 -1", "行政事业性收费 4 -1"},
		{"一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2", "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3"},
		{"收到 2 条", "收到 3 条"},
		{"四、结转下年度继续办理 0 0 0 0 0 0 0", "四、结转下年度继续办理 " + carriedOut},
		{"2020 年 12 月 31 日", "2020 年 1 月 20 日"},
	} {
		if !strings.Contains(s, e[0]) {
			t.Fatalf("seed lacks %q", e[0])
		}
		s = strings.Replace(s, e[0], e[1], 1)
	}
	return s
}

func TestAuditAcrossYears(t *testing.T) {
	seed := readFile(t, "read_seed_changzhi_2020.txt")
	tests := []struct {
		name       string
		carriedOut string
		want       []string
	}{
		// seed2019 keeps the 2020 prose, so parts 一 and 五 are 雷同 too.
		{"carry and item count differ", "1 0 0 0 0 0 1", []string{report.RuleCarry, report.RuleCarry, report.RuleItemsChange, RuleSimilar, RuleSimilar}},
		{"carry unreadable in the earlier year", "1 0 0 0 0 1", []string{report.RuleItemsChange, RuleSimilar, RuleSimilar}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev := mustRead(t, "2019.txt", seed2019(t, seed, tt.carriedOut))
			cur := mustRead(t, "2020.txt", seed)
			other := mustRead(t, "other.txt", readFile(t, "read_quirks_2020.txt"))
			if prev.Year != 2019 || prev.Agency != cur.Agency {
				t.Fatalf("prev = %s %d", prev.Agency, prev.Year)
			}
			before := len(prev.Findings)
			Audit([]*Result{cur, other, prev, nil})
			var rules []string
			for _, f := range cur.Findings {
				rules = append(rules, f.Rule)
				if !strings.Contains(f.Message, "2019.txt") {
					t.Errorf("message does not name the earlier report: %s", f.Message)
				}
			}
			if !slices.Equal(rules, tt.want) {
				t.Errorf("2020 findings = %v, want %v", rules, tt.want)
			}
			if len(prev.Findings) != before || len(other.Findings) != 0 {
				t.Errorf("Audit changed other results: %v %v", prev.Findings, other.Findings)
			}
			if len(cur.Findings) > 0 {
				f := cur.Findings[0]
				if f.Column != "natural_person" && tt.want[0] == report.RuleCarry || f.Expected == nil {
					t.Errorf("first finding = %+v", f)
				}
			}
		})
	}
}
