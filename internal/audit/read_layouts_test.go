package audit

import (
	"encoding/json"
	"testing"

	"github.com/gongkai/gongkai/internal/report"
)

// The layout fixtures (testdata/layout_*) are synthetic reports written for
// these tests, one per layout class of published reports that the reader
// once misread; the figures fill most cells with distinct values, so that a
// figure read into the wrong cell shows. testdata/layout_2019.want.json
// (某县文化和旅游局, 2020) and layout_2021.want.json (某区市场监督管理局,
// 2022) hold their models, written from the figures the fixtures print.

// TestReadLayouts reads each fixture and asserts every cell of the model,
// and that the reader doubted nothing: no row refused, no finding at all
// (the fixtures balance).
func TestReadLayouts(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		// 采购总金额 spans two header columns, the amount cell spans two data
		// columns and is printed in 元 with thousands separators.
		{"merged amount cell in 元", "layout_colspan_2019.html", "layout_2019.want.json"},
		// Every zero printed as an &nbsp; cell; the 科研机构, 法律服务机构 and
		// 其他 columns are blank on every row, as is all of 二's 规章 row.
		{"blank cells keep their column", "layout_blank_cells_2021.html", "layout_2021.want.json"},
		// The same page printed to PDF by LibreOffice: an empty cell is no
		// glyph at all between the table's rules.
		{"blank cells of a PDF keep their column", "layout_blank_cells_2021.pdf", "layout_2021.want.json"},
		// Text typed in a monospaced editor: part 三's zero cells left as
		// runs of spaces under headings printed on one line.
		{"blank cells of text aligned with spaces", "layout_typed_blanks_2021.txt", "layout_2021.want.json"},
		// pdftotext without -layout: one cell a line, the labels of wrapped
		// and spanning cells after the figures of their rows, the vertical
		// 「三、本年度办理结果」 one character a line, a page number inside.
		{"text without layout", "layout_no_layout_2021.txt", "layout_2021.want.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := readDocument(tt.file, []byte(readFile(t, tt.file)))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range r.Findings {
				t.Errorf("finding %s %s/%s: %s", f.Rule, f.Part, f.Row, f.Message)
			}
			assertSameJSON(t, r.Report, wantReport(t, tt.want))
		})
	}
}

// wantReport reads a model from testdata.
func wantReport(t *testing.T, name string) *report.Report {
	t.Helper()
	var r report.Report
	if err := json.Unmarshal([]byte(readFile(t, name)), &r); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &r
}
