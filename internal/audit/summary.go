package audit

import (
	"strconv"

	"github.com/gongkai/gongkai/internal/report"
)

// Summary is a batch audit as its summaries print it (the HTML page here,
// the workbook `gongkai audit --summary` writes): one row per report read,
// and the counts of errors and warnings over all of them.
type Summary struct {
	Rows             []SummaryRow
	Errors, Warnings int
}

// SummaryRow is one report's line in a batch summary.
type SummaryRow struct {
	File, Agency, Year, Format string
	FormatName                 string // the format as readers know it, "" when unknown
	Errors, Warnings           int
	Findings                   []SummaryFinding
}

// SummaryFinding is a finding as the summaries print it.
type SummaryFinding struct {
	Severity         string // 错误 or 警告
	Rule, Part       string
	Row, Column      string
	Expected, Actual string // "" when the rule compared no numbers
	Message          string
}

// Summarize turns audit results into a summary; nil results are skipped.
func Summarize(rs []*Result) Summary {
	rows := make([]SummaryRow, 0, len(rs))
	for _, r := range rs {
		if r == nil {
			continue
		}
		row := SummaryRow{File: r.File, Agency: r.Agency, Format: r.Format, FormatName: summaryFormatName(r.Format)}
		if r.Year != 0 {
			row.Year = strconv.Itoa(r.Year)
		}
		for _, f := range r.Findings {
			sf := SummaryFinding{
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
	sum := Summary{Rows: rows}
	for _, r := range rows {
		sum.Errors += r.Errors
		sum.Warnings += r.Warnings
	}
	return sum
}

// summaryFormatName names a report format for readers of the summary.
func summaryFormatName(f string) string {
	if spec, ok := report.SpecOf(report.Format(f)); ok {
		return spec.Name
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
