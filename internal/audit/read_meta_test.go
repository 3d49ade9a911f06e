package audit

import (
	"slices"
	"testing"
)

func TestReadMeta(t *testing.T) {
	tests := []struct {
		name, file, text string
		agency           string
		year             int
		published        string
		rules            []string // findings besides the missing tables
	}{
		{"title on one line", "x.txt", "某市教育局2021年度政府信息公开工作年度报告\n正文", "某市教育局", 2021, "", nil},
		{"year first, web page suffix", "x.html", "2022年某县人民政府政府信息公开工作年度报告_某县人民政府门户网站\n正文", "某县人民政府", 2022, "", nil},
		{"labelled date", "x.txt", "某市财政局2020年政府信息公开工作年度报告\n发布日期：2021-01-20\n正文", "某市财政局", 2020, "2021-01-20", nil},
		{"late department", "x.txt", "某市财政局2020年政府信息公开工作年度报告\n发布时间:2021/02/01\n", "某市财政局", 2020, "2021-02-01", []string{RuleDeadline}},
		{"government on 3月31日", "x.txt", "某市人民政府2020年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n某市人民政府\n2021年3月31日", "某市人民政府", 2020, "2021-03-31", nil},
		{"government late", "x.txt", "某市人民政府2020年政府信息公开工作年度报告\n2021年4月1日", "某市人民政府", 2020, "2021-04-01", []string{RuleDeadline}},
		{"signer and date on one line", "x.txt", "2020年政府信息公开工作年度报告\n正文\n某区司法局 2021年1月5日", "某区司法局", 2020, "2021-01-05", nil},
		{"impossible date ignored", "x.txt", "某市财政局2020年政府信息公开工作年度报告\n2021年2月30日", "某市财政局", 2020, "", nil},
		{"period date is not publication", "x.txt", "某市财政局2020年政府信息公开工作年度报告\n统计期限自2020年1月1日至2020年12月31日。", "某市财政局", 2020, "", nil},
		{"from the file name", "某市审计局_2019.txt", "政府信息公开工作年度报告\n正文", "某市审计局", 2019, "", nil},
		{"nothing known", "report.txt", "正文\n", "", 0, "", []string{RuleUnreadable, RuleUnreadable}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRead(t, tt.file, tt.text)
			if r.Agency != tt.agency || r.Year != tt.year || r.Published != tt.published {
				t.Errorf("got %q %d %q, want %q %d %q", r.Agency, r.Year, r.Published, tt.agency, tt.year, tt.published)
			}
			if r.Report.Agency != r.Agency || r.Report.Year != r.Year {
				t.Errorf("report says %q %d", r.Report.Agency, r.Report.Year)
			}
			var rules []string
			for _, f := range r.Findings {
				if f.Rule != RuleMissingTable {
					rules = append(rules, f.Rule)
				}
			}
			if !slices.Equal(rules, tt.rules) {
				t.Errorf("findings %v, want %v", rules, tt.rules)
			}
		})
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		cell   streamCell
		signed bool
		want   float64
		ok     bool
	}{
		{streamCell{raw: "12", value: 12}, false, 12, true},
		{streamCell{raw: "—", blank: true}, false, 0, true},
		{streamCell{raw: "1O", bad: true}, false, 0, false},
		{streamCell{raw: "2.5", value: 2.5, decimal: true}, false, 0, false},
		{streamCell{raw: "+3", value: 3, signed: true}, false, 0, false},
		{streamCell{raw: "-3", value: -3, signed: true}, true, -3, true},
		{streamCell{raw: "5元", value: 5, unit: "元"}, false, 0, false},
	}
	for _, tt := range tests {
		got, why := count(tt.cell, tt.signed)
		if got != tt.want || (why == "") != tt.ok {
			t.Errorf("count(%q, %v) = %v, %q; want %v, ok %v", tt.cell.raw, tt.signed, got, why, tt.want, tt.ok)
		}
	}
}
