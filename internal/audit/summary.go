package audit

import (
	"strconv"

	"github.com/gongkai/gongkai/internal/report"
)

// summaryRow is one report's line in a batch summary.
type summaryRow struct {
	File, Agency, Year, Format string
	FormatName                 string // the format as readers know it, "" when unknown
	Errors, Warnings           int
	Findings                   []summaryFinding
}

// summaryFinding is a finding as the summaries print it.
type summaryFinding struct {
	Severity         string // 错误 or 警告
	Rule, Part       string
	Row, Column      string
	Expected, Actual string // "" when the rule compared no numbers
	Message          string
}

// summaryRows turns audit results into summary rows; nil results are
// skipped.
func summaryRows(rs []*Result) []summaryRow {
	rows := make([]summaryRow, 0, len(rs))
	for _, r := range rs {
		if r == nil {
			continue
		}
		row := summaryRow{File: r.File, Agency: r.Agency, Format: r.Format, FormatName: summaryFormatName(r.Format)}
		if r.Year != 0 {
			row.Year = strconv.Itoa(r.Year)
		}
		for _, f := range r.Findings {
			sf := summaryFinding{
				Severity: severityName(f.Severity),
				Rule:     f.Rule, Part: f.Part, Row: f.Row, Column: f.Column,
				Expected: number(f.Expected), Actual: number(f.Actual),
				Message: f.Message,
			}
			if f.Severity == report.SeverityError {
				row.Errors++
			} else {
				row.Warnings++
			}
			row.Findings = append(row.Findings, sf)
		}
		rows = append(rows, row)
	}
	return rows
}

// summaryFormatName names a report format for readers of the summary.
func summaryFormatName(f string) string {
	switch report.Format(f) {
	case report.Format2019:
		return "2019 年试行格式"
	case report.Format2021:
		return "2021 年格式"
	}
	return f
}

// severityName is the Chinese word for a severity.
func severityName(s report.Severity) string {
	if s == report.SeverityError {
		return "错误"
	}
	return "警告"
}

// number prints a compared figure without a needless decimal part.
func number(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// totals returns the number of errors and warnings over all rows.
func totals(rows []summaryRow) (errs, warns int) {
	for _, r := range rows {
		errs += r.Errors
		warns += r.Warnings
	}
	return errs, warns
}
