// Package render encodes one annual report into the published outputs:
// JSON, HTML, PDF, DOCX and XLSX. Every renderer reads the same
// report.Document; the figures come from the canonical report.Report and the
// table structure (rows, labels, groups) from its report.Layout, so no
// renderer computes or hard-codes a figure or a row.
package render

import (
	"fmt"

	"github.com/gongkai/gongkai/internal/report"
)

// layout returns the layout of the document's format.
func layout(d *report.Document) (*report.Layout, error) {
	if d == nil || d.Report == nil {
		return nil, fmt.Errorf("render: document has no report")
	}
	l, ok := report.LayoutOf(d.Report.Format)
	if !ok {
		return nil, fmt.Errorf("render: unknown report format %q", d.Report.Format)
	}
	return l, nil
}

// chartMax returns the largest value of the chart, or 0 when it has no points.
func chartMax(c report.Chart) float64 {
	m := 0.0
	for _, p := range c.Points {
		if p.Value > m {
			m = p.Value
		}
	}
	return m
}
