package render

import (
	"fmt"
	"github.com/gongkai/gongkai/internal/report"
	"io"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/gongkai/gongkai/internal/spreadsheet"
)

// Layout of the XLSX sheets.
const (
	// xlsxFirstRow is the sheet row of a table's first grid row; the
	// title sits above it.
	xlsxFirstRow = 3
	// xlsxWidthScale converts a Table's relative widths to Excel columns.
	xlsxWidthScale = 14
	// xlsxChartSheet holds the chart data and the native charts.
	xlsxChartSheet = "图表"
)

// XLSX writes the three tables of parts 二, 三 and 四 as three sheets with
// the official headers (merged cells), the figures as numbers, and a sheet
// 「图表」 with the chart data and native bar charts. For scripts, the last
// column of each table sheet (hidden) lists, on every row with figures,
// "key=CELL" pairs: the canonical key of each figure and the cell holding
// it, e.g. "applications/received/total=J6".
func XLSX(w io.Writer, d *report.Document) error {
	tables, err := Tables(d)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f}
	if x.styles, err = newXLSXStyles(f); err != nil {
		return errorf("xlsx", err)
	}
	for i, part := range []string{partProactive, partApplications, partReview} {
		if err := x.table(d, part, tables[i], i == 0); err != nil {
			return errorf("xlsx "+part, err)
		}
	}
	if err := x.charts(d.Charts()); err != nil {
		return errorf("xlsx charts", err)
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: d.Title(), Creator: d.Report.Agency, Language: "zh-CN"}); err != nil {
		return errorf("xlsx", err)
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return errorf("xlsx", err)
	}
	return nil
}

type xlsxWriter struct {
	f      *excelize.File
	styles xlsxStyles
}

// table writes one Table on its own sheet, named after its part.
func (x *xlsxWriter) table(d *report.Document, part string, t Table, first bool) error {
	f := x.f
	sheet := part
	if first {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	last := cellName(t.Cols-1, 1)
	if err := f.SetCellStr(sheet, "A1", spreadsheet.Text(d.Title()+" · "+part)); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, "A1", last); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", last, x.styles.title); err != nil {
		return err
	}
	for i, wd := range t.Widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, wd*xlsxWidthScale); err != nil {
			return err
		}
	}
	keyCol, _ := excelize.ColumnNumberToName(t.Cols + 1)
	for i, r := range t.Rows {
		var keys []string
		for _, c := range r.Cells {
			ref, err := x.cell(sheet, c)
			if err != nil {
				return err
			}
			if c.Key != "" {
				keys = append(keys, c.Key+"="+ref)
			}
		}
		if len(keys) > 0 {
			if err := f.SetCellStr(sheet, fmt.Sprintf("%s%d", keyCol, i+xlsxFirstRow), spreadsheet.Text(strings.Join(keys, " "))); err != nil {
				return err
			}
		}
		if err := f.SetRowHeight(sheet, i+xlsxFirstRow, xlsxRowHeight(t, i)); err != nil {
			return err
		}
	}
	if err := f.SetColVisible(sheet, keyCol, false); err != nil {
		return err
	}
	return x.pageSetup(sheet, t)
}

// pageSetup prints a sheet on A4, one page wide, wide tables in landscape,
// its header rows repeated on every page.
func (x *xlsxWriter) pageSetup(sheet string, t Table) error {
	orientation, size, wide, tall, fit := "portrait", 9, 1, 0, true // 9 is A4
	if t.Cols > 6 {
		orientation = "landscape"
	}
	if err := x.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := x.f.SetRowHeight(sheet, 1, 40); err != nil {
		return err
	}
	if head := t.headRows(); head > 0 {
		err := x.f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, xlsxFirstRow, xlsxFirstRow+head-1),
			Scope:    sheet,
		})
		if err != nil {
			return err
		}
	}
	return x.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orientation, Size: &size, FitToWidth: &wide, FitToHeight: &tall})
}

// cell writes one (merged) cell and returns its reference.
func (x *xlsxWriter) cell(sheet string, c Cell) (string, error) {
	f := x.f
	ref := cellName(c.Col, c.Row+xlsxFirstRow)
	end := cellName(c.Col+c.ColSpan-1, c.Row+c.RowSpan-1+xlsxFirstRow)
	var err error
	if c.Key != "" {
		err = f.SetCellValue(sheet, ref, c.Value)
	} else {
		err = f.SetCellStr(sheet, ref, spreadsheet.Text(c.Text))
	}
	if err != nil {
		return "", err
	}
	if ref != end {
		if err := f.MergeCell(sheet, ref, end); err != nil {
			return "", err
		}
	}
	return ref, f.SetCellStyle(sheet, ref, end, x.styles.of(c))
}

// cellName returns the reference of a zero-based column and a sheet row.
func cellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		panic("render: bad cell coordinates: " + err.Error())
	}
	return name
}

// xlsxRowHeight estimates the height in points a row needs for its wrapped
// single-row cells (spreadsheet programs do not fit merged cells).
func xlsxRowHeight(t Table, row int) float64 {
	lines := 1.0
	for _, c := range t.Rows[row].Cells {
		if c.RowSpan > 1 || c.Vertical {
			continue
		}
		width := 0.0
		for k := c.Col; k < c.Col+c.ColSpan; k++ {
			width += t.Widths[k] * xlsxWidthScale
		}
		units := 0.0
		for _, r := range c.Text {
			if wide(r) {
				units += 2.1
			} else {
				units += 1.1
			}
		}
		lines = max(lines, math.Ceil(units/max(width-1, 1)))
	}
	return 6 + 14*lines
}
