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
	// Unread lists the tables and rows the reader could not read (their
	// figures are 0 in Report and no rule is judged on them), so that a
	// script can tell a balanced table from one that was not read; empty,
	// never absent, when everything was read.
	Unread []Unread `json:"unread"`
	// Prose is the text of parts 一 and 五 that Audit compares across
	// reports for the 雷同 check (text.similar); absent when neither part
	// was found.
	Prose *Prose `json:"prose,omitempty"`
}

// Unread is a table (Row empty) or a row of one that was not read.
type Unread struct {
	// Part is the part of the report in Chinese numerals (二, 三, 四);
	// empty for what concerns the whole document (its year or agency).
	Part string `json:"part"`
	// Row is the row's canonical key, empty for a whole table.
	Row string `json:"row"`
	// Reason says in Chinese why it was not read.
	Reason string `json:"reason"`
}

// unreadOf lists what the reader's findings say was not read.
func unreadOf(fs []report.Finding) []Unread {
	out := []Unread{}
	for _, f := range fs {
		if f.Rule == RuleUnreadable || f.Rule == RuleMissingTable {
			out = append(out, Unread{Part: f.Part, Row: f.Row, Reason: f.Message})
		}
	}
	return out
}
