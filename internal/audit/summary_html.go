package audit

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
)

//go:embed summary.html.tmpl
var summaryTemplateText string

var summaryTemplate = template.Must(template.New("summary").Parse(summaryTemplateText))

// summaryPage is the data of the HTML summary.
type summaryPage struct {
	Rows             []summaryRow
	Errors, Warnings int
}

// WriteSummaryHTML writes an accessible Chinese HTML page summarising a batch
// audit: one table row per report with its file, agency, year, format,
// counts of errors and warnings, and its findings listed.
func WriteSummaryHTML(w io.Writer, rs []*Result) error {
	page := summaryPage{Rows: summaryRows(rs)}
	page.Errors, page.Warnings = totals(page.Rows)
	if err := summaryTemplate.Execute(w, page); err != nil {
		return fmt.Errorf("audit: write HTML summary: %w", err)
	}
	return nil
}
