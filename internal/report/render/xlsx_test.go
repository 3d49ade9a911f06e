package render

import (
	"bytes"
	"github.com/gongkai/gongkai/internal/report"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func openXLSX(t *testing.T, d *report.Document) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := XLSX(&buf, d); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestXLSXSheetsAndCells(t *testing.T) {
	f := openXLSX(t, seedDocument())
	want := []string{partProactive, partApplications, partReview, xlsxChartSheet}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	tests := []struct {
		sheet, cell, want string
	}{
		{partProactive, "A3", "第二十条第（一）项"},
		{partProactive, "A4", "信息内容"},
		{partApplications, "A3", applicationsNote},
		{partApplications, "D3", "申请人情况"},
		{partApplications, "D4", "自然人"},
		{partApplications, "E4", "法人或其他组织"},
		{partApplications, "E5", "商业企业"},
		{partApplications, "A6", "一、本年新收政府信息公开申请数量"},
		{partApplications, "D6", "2"},
		{partApplications, "J6", "2"},
		{partApplications, "A8", "三、本年度办理结果"},
		{partReview, "A3", "行政复议"},
		{partReview, "F3", "行政诉讼"},
		{partReview, "F4", "未经复议直接起诉"},
		{xlsxChartSheet, "A1", "图一 网站各栏目发布信息数量"},
		{xlsxChartSheet, "A3", "公开规定"},
		{xlsxChartSheet, "B3", "96"},
	}
	style, err := f.GetCellStyle(partProactive, "C9")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := f.GetStyle(style); err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "+0;-0;0" {
		t.Errorf("本年增/减 is not formatted with a sign: %v %v", st, err)
	}
	for _, tt := range tests {
		got, err := f.GetCellValue(tt.sheet, tt.cell)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.cell, got, tt.want)
		}
	}
}

// TestXLSXMerges checks the official merged header cells.
func TestXLSXMerges(t *testing.T) {
	f := openXLSX(t, document2021())
	tests := []struct {
		sheet, start, end string
	}{
		{partApplications, "A3", "C5"},
		{partApplications, "D3", "J3"},
		{partApplications, "E4", "I4"},
		{partApplications, "D4", "D5"},
		{partApplications, "A8", "A29"},
		{partReview, "F3", "O3"},
		{partReview, "A4", "A5"},
		{partProactive, "B13", "D13"},
	}
	merged := map[string]map[string]string{}
	for _, sheet := range []string{partProactive, partApplications, partReview} {
		cells, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		merged[sheet] = map[string]string{}
		for _, m := range cells {
			merged[sheet][m.GetStartAxis()] = m.GetEndAxis()
		}
	}
	for _, tt := range tests {
		if got := merged[tt.sheet][tt.start]; got != tt.end {
			t.Errorf("%s!%s merged to %q, want %q", tt.sheet, tt.start, got, tt.end)
		}
	}
}

// TestXLSXKeysMapCells follows the hidden key column to every figure.
func TestXLSXKeysMapCells(t *testing.T) {
	d := document2021()
	f := openXLSX(t, d)
	tables, err := Tables(d)
	if err != nil {
		t.Fatal(err)
	}
	sheets := []string{partProactive, partApplications, partReview}
	found := 0
	for i, tb := range tables {
		keyCol := cellName(tb.Cols, 1)[:1]
		visible, err := f.GetColVisible(sheets[i], keyCol)
		if err != nil {
			t.Fatal(err)
		}
		if visible {
			t.Errorf("%s: key column %s is visible", sheets[i], keyCol)
		}
		rows, err := f.GetRows(sheets[i])
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if len(r) <= tb.Cols {
				continue
			}
			for _, pair := range strings.Fields(r[tb.Cols]) {
				key, ref, _ := strings.Cut(pair, "=")
				got, err := f.GetCellValue(sheets[i], ref)
				if err != nil {
					t.Fatal(err)
				}
				if want := canonicalText(t, d, key); got != want {
					t.Errorf("%s → %s = %q, want %q", key, ref, got, want)
				}
				found++
			}
		}
	}
	if want := 10 + 25*7 + 15; found != want {
		t.Errorf("%d keyed figures, want %d", found, want)
	}
}

// canonicalText reads a figure straight from the report by its key.
func canonicalText(t *testing.T, d *report.Document, key string) string {
	t.Helper()
	parts := strings.Split(key, "/")
	r := d.Report
	switch parts[0] {
	case "proactive":
		return formatChartValue(r.Proactive[parts[1]][parts[2]])
	case "applications":
		for j, c := range applicantKeys() {
			if c == parts[2] {
				return formatChartValue(float64(r.Applications[parts[1]][j]))
			}
		}
	case "review_litigation":
		return formatChartValue(float64(reviewValue(r.ReviewLitigation.Group(parts[1]), parts[2])))
	}
	t.Fatalf("unknown key %q", key)
	return ""
}

func applicantKeys() []string {
	return []string{"natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"}
}

func TestXLSXHasNativeCharts(t *testing.T) {
	var buf bytes.Buffer
	if err := XLSX(&buf, seedDocument()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for name := range f.Pkg.Range {
		if strings.HasPrefix(name.(string), "xl/charts/chart") {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d chart parts, want 2", n)
	}
}

// TestXLSXGolden compares every sheet's cells and merges, as text, with
// the golden file.
func TestXLSXGolden(t *testing.T) {
	for name, d := range documents() {
		t.Run(name, func(t *testing.T) {
			f := openXLSX(t, d)
			var b strings.Builder
			for _, sheet := range f.GetSheetList() {
				b.WriteString("== " + sheet + "\n")
				// Raw values: excelize's own formatter prints zero as "+0"
				// under "+0;-0;0", which Excel and LibreOffice print as "0".
				rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				for i, r := range rows {
					b.WriteString(formatChartValue(float64(i+1)) + "\t" + strings.Join(r, "\t") + "\n")
				}
				merges, err := f.GetMergeCells(sheet)
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range merges {
					b.WriteString("merge " + m.GetStartAxis() + ":" + m.GetEndAxis() + "\n")
				}
			}
			checkGolden(t, name+".xlsx.golden", []byte(b.String()))
		})
	}
}

// TestXLSXDefusesFormulas names the agency with a formula and checks that
// no text cell of the workbook would run as one, while the negative
// figures (本年增/减 −3 and −1) stay numbers.
func TestXLSXDefusesFormulas(t *testing.T) {
	d := seedDocument()
	d.Report.Agency = `=HYPERLINK("http://evil.example/","长治")`
	f := openXLSX(t, d)
	if got, _ := f.GetCellValue(partProactive, "A1"); !strings.HasPrefix(got, `'=HYPERLINK(`) {
		t.Errorf("title cell %q, want the formula defused", got)
	}
	negatives := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				if v == "" || !strings.ContainsRune("=+-@\t\r", rune(v[0])) {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				typ, err := f.GetCellType(sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
					t.Errorf("%s!%s = %q, a text cell a spreadsheet would run", sheet, ref, v)
				} else if v == "-3" || v == "-1" {
					negatives++
				}
			}
		}
	}
	if negatives != 2 {
		t.Errorf("%d negative figures stored as numbers, want 2", negatives)
	}
}
