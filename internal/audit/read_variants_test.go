package audit

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/report"
)

// replace returns an edit of the seed that replaces old (which must occur)
// with new.
func replace(old, new string) func(t *testing.T, s string) string {
	return func(t *testing.T, s string) string {
		t.Helper()
		if !strings.Contains(s, old) {
			t.Fatalf("seed lacks %q", old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

// cut removes the seed's text from the line holding from up to (not
// including) the line holding to.
func cut(from, to string) func(t *testing.T, s string) string {
	return func(t *testing.T, s string) string {
		i, j := strings.Index(s, from), strings.Index(s, to)
		if i < 0 || j < i {
			t.Fatalf("seed lacks %q … %q", from, to)
		}
		return s[:i] + s[j:]
	}
}

func TestReadSeedVariants(t *testing.T) {
	seed := readFile(t, "read_seed_changzhi_2020.txt")
	tests := []struct {
		name  string
		edit  func(t *testing.T, s string) string
		rules []string
		check func(t *testing.T, r *Result)
	}{
		{"full-width digits and signs", replace("行政许可 161 +14 12209", "行政许可 １６１ ＋１４ １２２０９"), nil, func(t *testing.T, r *Result) {
			wantProactive(t, r, "licensing", "change", 14)
		}},
		{"dashes for blank cells", replace("规章 0 0 0", "规章 — — —"), nil, nil},
		{"「1、」 numbering", replace("8.属于行政查询事项", "8、属于行政查询事项 1 0 0 0 0 0 1"),
			[]string{report.RuleOutcomeTotal, report.RuleOutcomeTotal}, func(t *testing.T, r *Result) {
				wantApplications(t, r, "withheld.inquiry_matter", [7]int{1, 0, 0, 0, 0, 0, 1})
			}},
		{"stray space inside a label", replace("（一）予以公开 2", "（一）予以 公\n开 2"), nil, func(t *testing.T, r *Result) {
			wantApplications(t, r, "disclosed", [7]int{2, 0, 0, 0, 0, 0, 2})
		}},
		{"cells on separate lines", replace("（七）总计 2 0 0 0 0 0 2", "（七）总计\n2\n\n0\n0\n0\n0\n0\n2"), nil, nil},
		{"amount in 元 by header", func(t *testing.T, s string) string {
			s = replace("采购总金额（万元）", "采购总金额（元）")(t, s)
			return replace("政府集中采购 12 44.2", "政府集中采购 12 442000")(t, s)
		}, nil, func(t *testing.T, r *Result) { wantProactive(t, r, "procurement", "amount_wan", 44.2) }},
		{"amount in 元 in the cell", replace("政府集中采购 12 44.2", "政府集中采购 12 442000元"), nil, func(t *testing.T, r *Result) {
			wantProactive(t, r, "procurement", "amount_wan", 44.2)
		}},
		{"one number breaks the balance", replace("一、本年新收政府信息公开申请数量 2", "一、本年新收政府信息公开申请数量 3"),
			[]string{report.RuleBalance, report.RuleRowTotal}, func(t *testing.T, r *Result) {
				f := r.Findings[0]
				if f.Column != "natural_person" || *f.Expected != 3 || *f.Actual != 2 || f.Part != "三" {
					t.Errorf("balance finding = %+v", f)
				}
			}},
		{"a cell missing", replace("（七）总计 2 0 0 0 0 0 2", "（七）总计 2 0 0 0 0 2"), []string{RuleUnreadable}, func(t *testing.T, r *Result) {
			if f := r.Findings[0]; f.Row != "total" || !strings.Contains(f.Message, "6 个数字") {
				t.Errorf("finding = %+v", f)
			}
		}},
		{"letter in a figure", replace("行政许可 161 +14 12209", "行政许可 161 +14 122O9"), []string{RuleUnreadable}, func(t *testing.T, r *Result) {
			if f := r.Findings[0]; f.Part != "二" || f.Row != "licensing" {
				t.Errorf("finding = %+v", f)
			}
		}},
		{"amount in 万 in the cell", replace("政府集中采购 12 44.2", "政府集中采购 12 44.2万"), nil, func(t *testing.T, r *Result) {
			wantProactive(t, r, "procurement", "amount_wan", 44.2)
		}},
		{"figure glued to text", replace("政府集中采购 12 44.2", "政府集中采购 12 44余"), []string{RuleUnreadable}, func(t *testing.T, r *Result) {
			if f := r.Findings[0]; f.Row != "procurement" || !strings.Contains(f.Message, "44余") {
				t.Errorf("finding = %+v", f)
			}
		}},
		{"negative count", replace("（一）予以公开 2", "（一）予以公开 -2"), []string{RuleUnreadable}, nil},
		{"row label missing", replace("（一）予以公开 2 0 0 0 0 0 2", "2 0 0 0 0 0 2"), []string{RuleUnreadable, RuleUnreadable}, nil},
		{"table missing", cut("四、政府信息公开行政复议", "五、存在的主要问题"), []string{RuleMissingTable}, func(t *testing.T, r *Result) {
			if r.Findings[0].Part != "四" {
				t.Errorf("finding = %+v", r.Findings[0])
			}
		}},
		{"review part in prose only", func(t *testing.T, s string) string {
			s = cut("行政复议 行政诉讼", "五、存在的主要问题")(t, s)
			return replace("五、存在的主要问题", "本年度未发生行政复议、行政诉讼。\n五、存在的主要问题")(t, s)
		}, []string{RuleMissingTable}, nil},
		{"review table printed blank", replace("0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", ""), nil, nil},
		{"review figures short", replace("0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", "0 0 0 0 0 0 0 0 0 0 0 0 0 0"), []string{RuleUnreadable}, nil},
		{"prose count differs", replace("收到 2 条政府信息", "收到 5 条政府信息"), []string{RuleTextTable}, func(t *testing.T, r *Result) {
			if f := r.Findings[0]; *f.Expected != 2 || *f.Actual != 5 {
				t.Errorf("finding = %+v", f)
			}
		}},
		{"department late", replace("2020 年 12 月 31 日", "2021 年 2 月 5 日"), []string{RuleDeadline}, func(t *testing.T, r *Result) {
			if r.Published != "2021-02-05" || !strings.Contains(r.Findings[0].Message, "2021-01-31") {
				t.Errorf("published %s, finding %+v", r.Published, r.Findings[0])
			}
		}},
		{"government in time on 3月", func(t *testing.T, s string) string {
			s = strings.ReplaceAll(s, "长治市行政审批服务管理局\n2020 年 12", "长治市人民政府\n2020 年 12")
			s = replace(" 长治市行政审批服务管理局\n", " 长治市人民政府\n")(t, s)
			return replace("2020 年 12 月 31 日", "2021 年 3 月 15 日")(t, s)
		}, nil, func(t *testing.T, r *Result) {
			if r.Agency != "长治市人民政府" || r.Published != "2021-03-15" {
				t.Errorf("agency %s published %s", r.Agency, r.Published)
			}
		}},
		{"Chinese numeral date", replace("2020 年 12 月 31 日", "二〇二一年一月二十日"), nil, func(t *testing.T, r *Result) {
			if r.Published != "2021-01-20" {
				t.Errorf("published = %q", r.Published)
			}
		}},
		{"fee in 万元", replace("开，方便市民查阅、监督。", "开，方便市民查阅、监督。本年度收取信息处理费 0.12 万元。"), nil, func(t *testing.T, r *Result) {
			wantFee(t, r, 1200)
		}},
		{"no fee collected", replace("开，方便市民查阅、监督。", "开，方便市民查阅、监督。无收取信息处理费情况。"), nil, func(t *testing.T, r *Result) {
			wantFee(t, r, 0)
		}},
		{"fee mentioned without amount", replace("开，方便市民查阅、监督。", "开，方便市民查阅、监督。信息处理费按规定收取。"), []string{RuleUnreadable}, func(t *testing.T, r *Result) {
			if r.Report.InfoFeeYuan != nil {
				t.Errorf("fee = %v, want null", *r.Report.InfoFeeYuan)
			}
		}},
		{"title wrapped inside 年度报告", replace("长治市行政审批服务管理局\n2020 年政府信息公开工作年度报告", "长治市行政审批服务管理局2020年政府信息公开工作年\n度报告"), nil, func(t *testing.T, r *Result) {
			if r.Year != 2020 || r.Agency != "长治市行政审批服务管理局" {
				t.Errorf("year %d agency %s", r.Year, r.Agency)
			}
		}},
		{"title without year, year from period", replace("2020 年政府信息公开工作年度报告", "政府信息公开工作年度报告"), nil, func(t *testing.T, r *Result) {
			if r.Year != 2020 || r.Agency != "长治市行政审批服务管理局" {
				t.Errorf("year %d agency %s", r.Year, r.Agency)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRead(t, "seed.txt", tt.edit(t, seed))
			var rules []string
			for _, f := range r.Findings {
				rules = append(rules, f.Rule)
			}
			if !slices.Equal(rules, tt.rules) {
				for _, f := range r.Findings {
					t.Logf("%s %s/%s: %s", f.Rule, f.Part, f.Row, f.Message)
				}
				t.Fatalf("rules = %v, want %v", rules, tt.rules)
			}
			if tt.check != nil {
				tt.check(t, r)
			}
		})
	}
}

func TestReadFormat2021In2020(t *testing.T) {
	r := mustRead(t, "x.txt", readFile(t, "read_format2021_in_2020.txt"))
	if len(r.Findings) != 1 || r.Findings[0].Rule != RuleFormat || r.Findings[0].Severity != report.SeverityError {
		t.Fatalf("findings = %+v, want one format.mismatch error", r.Findings)
	}
	if r.Year != 2020 || r.Format != "2021" || r.Published != "2021-01-28" {
		t.Errorf("year %d format %s published %s", r.Year, r.Format, r.Published)
	}
	wantApplications(t, r, "other.no_correction", [7]int{1, 0, 0, 0, 0, 0, 1})
	wantProactive(t, r, "normative_documents", "in_force", 4)
	wantFee(t, r, 0)
}

func wantProactive(t *testing.T, r *Result, row, col string, v float64) {
	t.Helper()
	if got := r.Report.Proactive[row][col]; got != v {
		t.Errorf("proactive %s.%s = %v, want %v", row, col, got, v)
	}
}

func wantApplications(t *testing.T, r *Result, row string, v [7]int) {
	t.Helper()
	if got := r.Report.Applications[row]; got != v {
		t.Errorf("applications %s = %v, want %v", row, got, v)
	}
}

func wantFee(t *testing.T, r *Result, v float64) {
	t.Helper()
	if r.Report.InfoFeeYuan == nil || *r.Report.InfoFeeYuan != v {
		t.Errorf("info_fee_yuan = %v, want %v", r.Report.InfoFeeYuan, v)
	}
}
