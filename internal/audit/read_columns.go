package audit

import (
	"math"
	"strings"
)

// Text whose table is aligned with spaces (typed in a monospaced editor,
// or printed so by a converter) leaves a blank cell as a run of spaces, so
// a row of part 三 with blanks shows fewer than seven figures. Where the
// table's full rows stand in the same columns, line after line, each
// figure of a short row is given the column it stands in and the others
// read as blank (0). Text whose columns drift from block to block, as
// `pdftotext -layout` prints Chinese tables, has no such rows and keeps
// its short rows in doubt.

// columnSlack is how far, in display columns, a figure may stand outside
// its column: the digits of a column of figures of different lengths move
// by a few columns.
const columnSlack = 2.5

// applicantHeads are part 三's column headings, as a typed table prints
// them on one line.
var applicantHeads = []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}

// blankColumns fills the short rows of a part 三 table from where its
// columns stand — a heading line naming all seven, or at least two rows
// printed whole that agree on every column — and changes nothing when
// neither is found or a figure stands in no column or shares one.
func blankColumns(t placedTable, width int) {
	spans, ok := headingColumns(t.lines, width)
	if !ok {
		spans, ok = fullRowColumns(t, width)
	}
	if !ok {
		return
	}
	for i, r := range t.rows {
		if !r.found || len(r.cells) == 0 || len(r.cells) >= width || !oneLine(r.cells) || !aligned(t.lines[r.cells[0].line]) {
			continue
		}
		filled := make([]streamCell, width)
		for c := range filled {
			filled[c] = streamCell{at: r.cells[0].at, raw: "（空）", blank: true, line: r.cells[0].line}
		}
		last := -1
		for _, x := range r.cells {
			c := columnOf(spans, x.col)
			if c <= last {
				filled = nil
				break
			}
			filled[c], last = x, c
		}
		if filled != nil {
			t.rows[i].cells = filled
		}
	}
}

// headingColumns returns the spans of part 三's columns from a line that
// names all seven in order, widened by columnSlack.
func headingColumns(lines []textLine, width int) ([][2]float64, bool) {
	if width != len(applicantHeads) {
		return nil, false
	}
	for _, l := range lines {
		spans := make([][2]float64, 0, width)
		from := 0
		for _, h := range applicantHeads {
			i := strings.Index(l.text[from:], h)
			if i < 0 {
				break
			}
			start := float64(displayWidth([]rune(l.text[:from+i])))
			spans = append(spans, [2]float64{start - columnSlack, start + float64(displayWidth([]rune(h))) + columnSlack})
			from += i + len(h)
		}
		if len(spans) == width && aligned(l) {
			return spans, true
		}
	}
	return nil, false
}

// fullRowColumns returns the spans of the columns of the table's rows
// printed whole on one line, when at least two such rows agree on every
// column within columnSlack.
func fullRowColumns(t placedTable, width int) ([][2]float64, bool) {
	var full [][]streamCell
	for _, r := range t.rows {
		if r.found && len(r.cells) == width && oneLine(r.cells) {
			full = append(full, r.cells)
		}
	}
	if len(full) < 2 {
		return nil, false
	}
	spans := make([][2]float64, width)
	for c := range spans {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, cells := range full {
			lo, hi = min(lo, cells[c].col), max(hi, cells[c].col)
		}
		if hi-lo > 2*columnSlack {
			return nil, false
		}
		spans[c] = [2]float64{lo - columnSlack, hi + columnSlack}
	}
	return spans, true
}

// aligned reports whether a line is laid out with runs of spaces, the
// only sign that its columns mean anything.
func aligned(l textLine) bool { return strings.Contains(strings.TrimSpace(l.text), "   ") }

// oneLine reports whether cells were all printed on one line.
func oneLine(cells []streamCell) bool {
	for _, c := range cells {
		if c.line != cells[0].line {
			return false
		}
	}
	return true
}

// columnOf returns the one column whose span holds col, or -1 when none
// or two do.
func columnOf(spans [][2]float64, col float64) int {
	found := -1
	for c, s := range spans {
		if s[0] <= col && col <= s[1] {
			if found >= 0 {
				return -1
			}
			found = c
		}
	}
	return found
}
