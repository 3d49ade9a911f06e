package main

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/gongkai/gongkai/internal/audit"
)

// TestWriteSummaryXLSX writes a summary of three reports (one with an
// error and a warning, one whose agency and year were not found, one clean)
// and reads the cells back.
func TestWriteSummaryXLSX(t *testing.T) {
	sum := audit.Summary{Errors: 1, Warnings: 1, Rows: []audit.SummaryRow{
		{File: "淮安市人民政府_2024.pdf", Agency: "淮安市人民政府", Year: "2024", Format: "2021", Errors: 1, Warnings: 1,
			Findings: []audit.SummaryFinding{
				{Severity: "错误", Rule: "applications.balance", Part: "三", Row: "total", Column: "natural_person",
					Expected: "3035", Actual: "3034", Message: "第一项加第二项之和不等于第三项加第四项之和"},
				{Severity: "警告", Rule: "deadline.late", Message: "发布日期晚于 3 月 31 日"},
			}},
		{File: "unknown.html"},
		{File: "长治_2020.docx", Agency: "长治市行政审批服务管理局", Year: "2020", Format: "2019"},
	}}
	f := openSummary(t, sum)
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
		{"汇总", "A4", "长治_2020.docx"},
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

// TestWriteSummaryXLSXDefusesFormulas checks that file names, agencies and
// messages read from reports cannot run as formulas in the summary, and
// that compared figures stay numbers, negative ones included.
func TestWriteSummaryXLSXDefusesFormulas(t *testing.T) {
	sum := audit.Summary{Errors: 1, Rows: []audit.SummaryRow{{
		File: `=HYPERLINK("http://evil.example/")`, Agency: "@SUM(A1:A9)", Year: "2024", Format: "2021", Errors: 1,
		Findings: []audit.SummaryFinding{{Severity: "错误", Rule: "proactive.items_change", Part: "二", Row: "fees",
			Column: "change", Expected: "-3", Actual: "2", Message: "-本年增减不符"}},
	}}}
	f := openSummary(t, sum)
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

// openSummary writes sum as the XLSX summary and opens it back.
func openSummary(t *testing.T, sum audit.Summary) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := writeSummaryXLSX(&buf, sum); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
