package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/gongkai/gongkai/internal/audit"
	"github.com/gongkai/gongkai/internal/spreadsheet"
)

// Sheet names of the XLSX summary.
const (
	sheetSummary  = "汇总"
	sheetFindings = "问题"
)

var (
	summaryHeader  = []any{"文件", "机关", "年度", "格式", "错误数", "警告数"}
	findingsHeader = []any{"文件", "机关", "年度", "严重程度", "规则", "部分", "行", "列", "应为", "实为", "说明"}
)

// writeSummaryXLSX writes a batch audit as a workbook: the sheet 汇总 with
// one row per report and the sheet 问题 with one row per finding, each
// with a frozen header row and a filter. It lives with the command that
// writes it, so that internal/audit, which reads reports, needs no
// spreadsheet library.
func writeSummaryXLSX(w io.Writer, sum audit.Summary) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheetSummary); err != nil {
		return fmt.Errorf("audit: XLSX summary: %w", err)
	}
	if _, err := f.NewSheet(sheetFindings); err != nil {
		return fmt.Errorf("audit: XLSX summary: %w", err)
	}
	summary := [][]any{summaryHeader}
	findings := [][]any{findingsHeader}
	for _, r := range sum.Rows {
		summary = append(summary, []any{r.File, r.Agency, yearCell(r.Year), r.Format, r.Errors, r.Warnings})
		for _, fd := range r.Findings {
			findings = append(findings, []any{r.File, r.Agency, yearCell(r.Year), fd.Severity, fd.Rule,
				fd.Part, fd.Row, fd.Column, numberCell(fd.Expected), numberCell(fd.Actual), fd.Message})
		}
	}
	if err := writeSheet(f, sheetSummary, summary, []float64{40, 30, 8, 8, 8, 8}); err != nil {
		return err
	}
	if err := writeSheet(f, sheetFindings, findings, []float64{40, 30, 8, 10, 28, 6, 28, 16, 10, 10, 60}); err != nil {
		return err
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("audit: write XLSX summary: %w", err)
	}
	return nil
}

// writeSheet fills a sheet with rows, sets column widths, freezes the header
// row and puts a filter on it.
func writeSheet(f *excelize.File, sheet string, rows [][]any, widths []float64) error {
	for i, row := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err == nil {
			// File names, agencies and messages come from the reports read:
			// defuse those a spreadsheet would run as formulas.
			values := spreadsheet.Values(row)
			err = f.SetSheetRow(sheet, cell, &values)
		}
		if err != nil {
			return fmt.Errorf("audit: XLSX summary sheet %s row %d: %w", sheet, i+1, err)
		}
	}
	for i, wd := range widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err == nil {
			err = f.SetColWidth(sheet, col, col, wd)
		}
		if err != nil {
			return fmt.Errorf("audit: XLSX summary sheet %s widths: %w", sheet, err)
		}
	}
	last, err := excelize.CoordinatesToCellName(len(widths), len(rows))
	if err != nil {
		return fmt.Errorf("audit: XLSX summary sheet %s: %w", sheet, err)
	}
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return fmt.Errorf("audit: XLSX summary sheet %s filter: %w", sheet, err)
	}
	err = f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if err != nil {
		return fmt.Errorf("audit: XLSX summary sheet %s panes: %w", sheet, err)
	}
	return nil
}

// yearCell writes a year as a number, or leaves the cell empty when the
// year was not found.
func yearCell(year string) any {
	if n, err := strconv.Atoi(year); err == nil {
		return n
	}
	return ""
}

// numberCell writes a compared figure as a number, or an empty cell.
func numberCell(s string) any {
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return v
	}
	return ""
}
