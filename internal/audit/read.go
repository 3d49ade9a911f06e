package audit

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gongkai/gongkai/internal/report"
)

// Rule ids of the findings the reader adds to those of report.Check.
const (
	// RuleUnreadable marks a figure the reader is not sure of; the model
	// holds 0 for it and no consistency rule is judged on it.
	RuleUnreadable = "read.unreadable"
	// RuleMissingTable marks a table of part 二, 三 or 四 not found.
	RuleMissingTable = "read.missing_table"
	// RuleTextTable marks a count in the prose that differs from the table.
	RuleTextTable = "text_table.mismatch"
	// RuleFormat marks a table layout that is not the one of the report's year.
	RuleFormat = "format.mismatch"
	// RuleDeadline marks a report published after its legal deadline.
	RuleDeadline = "deadline.late"
)

// ErrNoText is returned by ReadText for a document without any text, such
// as a scanned PDF.
var ErrNoText = errors.New("文件中没有可读的文字（可能是扫描件）")

// reader holds the state of reading one document.
type reader struct {
	lines    []textLine
	outline  reportOutline
	rep      *report.Report
	findings []report.Finding
}

// ReadText reads the text of a published annual report (plain text, or
// what Extract returns for HTML, DOCX and PDF) into the canonical model and
// audits it: the consistency rules, the layout against the year, the prose
// against the tables and the publication date against the legal deadline.
// name is the file name, used in the result and as a last hint for the
// agency and year. Problems of the document are findings, not errors; the
// error is only for a document with no text at all.
func ReadText(name, text string) (*Result, error) {
	rd := &reader{lines: splitLines(text)}
	if len(rd.lines) == 0 {
		return nil, fmt.Errorf("audit: read %s: %w", name, ErrNoText)
	}
	rd.outline = findOutline(rd.lines)
	meta := rd.readMeta(name)
	format, byLayout := rd.detectFormat(meta.year)
	l, _ := report.LayoutOf(format)
	rd.rep = report.New(meta.agency, meta.year, format)
	if byLayout && meta.year > 0 && report.FormatForYear(meta.year) != format {
		rd.add(report.Finding{Rule: RuleFormat, Severity: report.SeverityError, Message: fmt.Sprintf(
			"报告年度为 %d 年，应使用 %s，但表格是 %s 的行列", meta.year, formatName(report.FormatForYear(meta.year)), formatName(format))})
	}
	rd.readProactive(l)
	rd.readApplications(l)
	rd.readReview()
	rd.readFee()
	for _, f := range report.Check(rd.rep) {
		if !rd.dependsOnUnsure(f) {
			rd.add(f)
		}
	}
	rd.checkProse()
	rd.checkDeadline(meta)
	prose := rd.readProse()
	rd.checkStaleYear(meta.year, prose)
	res := &Result{
		File:      name,
		Agency:    meta.agency,
		Year:      meta.year,
		Format:    string(format),
		Published: meta.published,
		Report:    rd.rep,
		Findings:  rd.findings,
		Prose:     prose,
	}
	if res.Findings == nil {
		res.Findings = []report.Finding{}
	}
	res.Unread = unreadOf(res.Findings)
	return res, nil
}

// detectFormat tells the format from the tables' labels; byLayout is false
// when the tables say nothing and the format follows the year.
func (rd *reader) detectFormat(year int) (f report.Format, byLayout bool) {
	var b strings.Builder
	for _, p := range []int{part2, part3} {
		lines, _ := rd.outline.span(rd.lines, p)
		for _, l := range lines {
			b.WriteString(labelKey(l.compact))
		}
	}
	if f, ok := report.FormatBySignals(b.String()); ok {
		return f, true
	}
	return report.FormatForYear(year), false
}

// formatName names a format with the document that defines it.
func formatName(f report.Format) string {
	if spec, ok := report.SpecOf(f); ok {
		return spec.FullName
	}
	return string(f)
}

// add appends a finding.
func (rd *reader) add(f report.Finding) { rd.findings = append(rd.findings, f) }

// unsure adds a read.unreadable finding for a row (for the whole part when
// row is ""): its figures are not known and read as 0.
func (rd *reader) unsure(part int, row, msg string) {
	rd.add(report.Finding{Rule: RuleUnreadable, Severity: report.SeverityWarning, Part: partNames[part], Row: row, Message: msg})
}

// missingTable records a table not found: all of its figures are unknown.
func (rd *reader) missingTable(part int, msg string) {
	rd.add(report.Finding{Rule: RuleMissingTable, Severity: report.SeverityError, Part: partNames[part], Message: msg})
}

// dependsOnUnsure reports whether a consistency finding involves a figure
// the reader was not sure of, so that a reading problem is not reported a
// second time as an error of the report.
func (rd *reader) dependsOnUnsure(f report.Finding) bool {
	return dependsOn(unsureRows(rd.findings), f)
}

// unsureRows returns the "part/row" keys ("part/*" for a whole part) whose
// figures the reader's findings say are not known.
func unsureRows(fs []report.Finding) map[string]bool {
	out := map[string]bool{}
	for _, f := range fs {
		switch {
		case f.Rule == RuleMissingTable || (f.Rule == RuleUnreadable && f.Row == ""):
			out[f.Part+"/*"] = true
		case f.Rule == RuleUnreadable:
			out[f.Part+"/"+f.Row] = true
		}
	}
	return out
}

// dependsOn reports whether consistency finding f involves a row in unsure.
func dependsOn(unsure map[string]bool, f report.Finding) bool {
	if len(unsure) == 0 {
		return false
	}
	if unsure[f.Part+"/*"] {
		return true
	}
	switch f.Rule {
	case report.RuleRowTotal, report.RuleReviewTotal, report.RuleItemsChange, report.RuleInForce:
		return unsure[f.Part+"/"+f.Row]
	case report.RuleBalance:
		return anyUnsure(unsure, f.Part, "received", "carried_in", "total", "carried_out")
	case report.RuleCarry:
		return anyUnsure(unsure, f.Part, "carried_in")
	}
	for k := range unsure {
		if strings.HasPrefix(k, f.Part+"/") {
			return true
		}
	}
	return false
}

func anyUnsure(unsure map[string]bool, part string, rows ...string) bool {
	for _, r := range rows {
		if unsure[part+"/"+r] {
			return true
		}
	}
	return false
}
