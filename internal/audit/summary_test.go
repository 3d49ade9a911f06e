package audit

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/gongkai/gongkai/internal/report"
)

func findingNumber(v float64) *float64 { return &v }

// summaryResults are audited reports: one with an error and a warning, one
// clean whose agency and year were not found, a nil to skip and a clean
// report in the 2019 format.
func summaryResults() []*Result {
	return []*Result{
		{
			File: "淮安市人民政府_2024.pdf", Agency: "淮安市人民政府", Year: 2024, Format: "2021",
			Findings: []report.Finding{
				{Rule: "applications.balance", Severity: report.SeverityError, Part: "三", Row: "total", Column: "natural_person",
					Expected: findingNumber(3035), Actual: findingNumber(3034), Message: "第一项加第二项之和不等于第三项加第四项之和"},
				{Rule: "deadline.late", Severity: report.SeverityWarning, Message: "发布日期晚于 3 月 31 日<script>"},
			},
		},
		nil,
		{File: "unknown.html"},
		{File: "长治_2020.docx", Agency: "长治市行政审批服务管理局", Year: 2020, Format: "2019"},
	}
}

func TestWriteSummaryXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSummaryXLSX(&buf, summaryResults()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "汇总" || got[1] != "问题" {
		t.Fatalf("sheets %v, want [汇总 问题]", got)
	}
	cells := []struct{ sheet, cell, want string }{
		{"汇总", "A1", "文件"},
		{"汇总", "A2", "淮安市人民政府_2024.pdf"},
		{"汇总", "B2", "淮安市人民政府"},
		{"汇总", "C2", "2024"},
		{"汇总", "D2", "2021"},
		{"汇总", "E2", "1"},
		{"汇总", "F2", "1"},
		{"汇总", "A3", "unknown.html"},
		{"汇总", "C3", ""},
		{"汇总", "E3", "0"},
		{"汇总", "A4", "长治_2020.docx"}, // the nil result made no row
		{"汇总", "D4", "2019"},
		{"汇总", "A5", ""},
		{"问题", "D2", "错误"},
		{"问题", "E2", "applications.balance"},
		{"问题", "G2", "total"},
		{"问题", "I2", "3035"},
		{"问题", "J2", "3034"},
		{"问题", "D3", "警告"},
		{"问题", "I3", ""},
		{"问题", "A4", ""},
	}
	for _, c := range cells {
		got, err := f.GetCellValue(c.sheet, c.cell)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, got, c.want)
		}
	}
	if typ, _ := f.GetCellType("问题", "I2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("expected figure stored as %v, want a number", typ)
	}
}

func TestWriteSummaryHTML(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSummaryHTML(&buf, summaryResults()); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if lang := elementAttr(findElements(doc, atom.Html)[0], "lang"); lang != "zh-CN" {
		t.Errorf("lang = %q, want zh-CN", lang)
	}
	if n := len(findElements(doc, atom.Caption)); n != 1 {
		t.Errorf("%d captions, want 1", n)
	}
	for _, th := range findElements(doc, atom.Th) {
		if s := elementAttr(th, "scope"); s != "col" && s != "row" {
			t.Errorf("th %q has scope %q", htmlCellText(th), s)
		}
	}
	if n := len(findElements(doc, atom.Script)); n != 0 {
		t.Errorf("a finding's message was not escaped: %d script elements", n)
	}
	rows := findElements(findElements(doc, atom.Tbody)[0], atom.Tr)
	if len(rows) != 3 {
		t.Fatalf("%d report rows, want 3", len(rows))
	}
	want := [][]string{
		{"淮安市人民政府_2024.pdf", "淮安市人民政府", "2024", "2021 年格式", "1", "1"},
		{"unknown.html", "（未识别）", "（未识别）", "（未识别）", "0", "0"},
		{"长治_2020.docx", "长治市行政审批服务管理局", "2020", "2019 年试行格式", "0", "0"},
	}
	for i, tr := range rows {
		var cells []*html.Node
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				cells = append(cells, c)
			}
		}
		for j, w := range want[i] {
			if got := htmlCellText(cells[j]); got != w {
				t.Errorf("row %d cell %d = %q, want %q", i+1, j+1, got, w)
			}
		}
	}
	items := findElements(rows[0], atom.Li)
	if len(items) != 2 {
		t.Fatalf("%d findings listed, want 2", len(items))
	}
	for _, w := range []string{"错误", "applications.balance", "第三部分", "natural_person", "应为 3035，实为 3034"} {
		if !strings.Contains(htmlCellText(items[0]), w) {
			t.Errorf("finding %q lacks %q", htmlCellText(items[0]), w)
		}
	}
	if !strings.Contains(htmlCellText(items[1]), "警告") || !strings.Contains(htmlCellText(items[1]), "<script>") {
		t.Errorf("second finding = %q", htmlCellText(items[1]))
	}
	if got := htmlCellText(rows[1]); !strings.Contains(got, "未发现问题") {
		t.Errorf("clean report row = %q, want 未发现问题", got)
	}
}

// findElements returns the elements of type a below n, in document order.
func findElements(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			out = append(out, c)
		}
		out = append(out, findElements(c, a)...)
	}
	return out
}

func elementAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestWriteSummaryXLSXDefusesFormulas checks that file names, agencies and
// messages read from reports cannot run as formulas in the summary, and
// that compared figures stay numbers, negative ones included.
func TestWriteSummaryXLSXDefusesFormulas(t *testing.T) {
	rs := []*Result{{
		File: `=HYPERLINK("http://evil.example/")`, Agency: "@SUM(A1:A9)", Year: 2024, Format: "2021",
		Findings: []report.Finding{{Rule: "proactive.items_change", Severity: report.SeverityError, Part: "二", Row: "fees",
			Column: "change", Expected: findingNumber(-3), Actual: findingNumber(2), Message: "-本年增减不符"}},
	}}
	var buf bytes.Buffer
	if err := WriteSummaryXLSX(&buf, rs); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cells := []struct{ sheet, cell, want string }{
		{"汇总", "A2", `'=HYPERLINK("http://evil.example/")`},
		{"汇总", "B2", "'@SUM(A1:A9)"},
		{"问题", "A2", `'=HYPERLINK("http://evil.example/")`},
		{"问题", "I2", "-3"},
		{"问题", "K2", "'-本年增减不符"},
	}
	for _, c := range cells {
		if got, _ := f.GetCellValue(c.sheet, c.cell); got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, got, c.want)
		}
	}
	if typ, _ := f.GetCellType("问题", "I2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("negative figure stored as %v, want a number", typ)
	}
}
