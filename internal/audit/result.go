// Package audit reads annual reports that agencies have already published
// (plain text, text extracted from PDF, HTML pages, DOCX) into the canonical
// report model and finds their errors with the consistency rules.
package audit

import "github.com/gongkai/gongkai/internal/report"

// Result is what the auditor found in one published report. Its JSON is the
// public contract of `gongkai audit --json`: one object per file.
type Result struct {
	File   string `json:"file"`
	Agency string `json:"agency"`
	Year   int    `json:"year"`
	Format string `json:"format"`
	// Published is the publication date found in the document (YYYY-MM-DD),
	// or "" when none was found.
	Published string           `json:"published"`
	Report    *report.Report   `json:"report"`
	Findings  []report.Finding `json:"findings"`
}
