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

// WriteSummaryHTML writes an accessible Chinese HTML page summarising a batch
// audit: one table row per report with its file, agency, year, format,
// counts of errors and warnings, and its findings listed.
func WriteSummaryHTML(w io.Writer, rs []*Result) error {
	if err := summaryTemplate.Execute(w, Summarize(rs)); err != nil {
		return fmt.Errorf("audit: write HTML summary: %w", err)
	}
	return nil
}
