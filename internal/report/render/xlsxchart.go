package render

import (
	"fmt"
	"github.com/gongkai/gongkai/internal/report"

	"github.com/xuri/excelize/v2"

	"github.com/gongkai/gongkai/internal/spreadsheet"
)

// charts writes each chart's data on the chart sheet with a native bar
// chart beside it, so supervisors can restyle or reuse the figures.
func (x *xlsxWriter) charts(charts []report.Chart) error {
	if len(charts) == 0 {
		return nil
	}
	f := x.f
	if _, err := f.NewSheet(xlsxChartSheet); err != nil {
		return err
	}
	if err := f.SetColWidth(xlsxChartSheet, "A", "B", 16); err != nil {
		return err
	}
	row := 1
	for _, c := range charts {
		if err := f.SetCellStr(xlsxChartSheet, cellName(0, row), spreadsheet.Text(c.Title)); err != nil {
			return err
		}
		if err := f.SetCellStr(xlsxChartSheet, cellName(0, row+1), "项目"); err != nil {
			return err
		}
		if err := f.SetCellStr(xlsxChartSheet, cellName(1, row+1), spreadsheet.Text("数量（"+c.Unit+"）")); err != nil {
			return err
		}
		first := row + 2
		for i, p := range c.Points {
			if err := f.SetCellStr(xlsxChartSheet, cellName(0, first+i), spreadsheet.Text(p.Label)); err != nil {
				return err
			}
			if err := f.SetCellValue(xlsxChartSheet, cellName(1, first+i), p.Value); err != nil {
				return err
			}
		}
		last := first + max(len(c.Points), 1) - 1
		ref := func(col string) string {
			return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", xlsxChartSheet, col, first, col, last)
		}
		height := 80 + 26*len(c.Points)
		err := f.AddChart(xlsxChartSheet, cellName(3, row), &excelize.Chart{
			Type:      excelize.Bar,
			Series:    []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$B$%d", xlsxChartSheet, row+1), Categories: ref("A"), Values: ref("B"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"B22222"}}}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			XAxis:     excelize.ChartAxis{ReverseOrder: true},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true},
			Format:    excelize.GraphicOptions{AltText: newSVGChart(c, "").Description()},
			Dimension: excelize.ChartDimension{Width: 640, Height: uint(height)},
		})
		if err != nil {
			return err
		}
		row = max(last+2, row+height/20+2)
	}
	orientation, fit, wide, tall := "landscape", true, 1, 0
	if err := f.SetSheetProps(xlsxChartSheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageLayout(xlsxChartSheet, &excelize.PageLayoutOptions{Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall})
}
