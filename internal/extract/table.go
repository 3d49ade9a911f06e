package extract

import "strings"

// Limits that keep a hostile or broken table from taking all memory: report
// tables have about 20 columns and 40 rows.
const (
	maxSpan      = 64   // largest rowspan/colspan honoured
	maxGridCols  = 128  // grid columns beyond this are dropped
	maxTableRows = 4096 // rows beyond this are dropped
)

// tcell is one table cell as published: its text and how many rows and grid
// columns it covers.
type tcell struct {
	text       string
	rows, cols int
	lines      []string // the cell's paragraphs, when the table is read as flow
	kind       int8     // 0 not yet known, 1 a figure, 2 not a figure
}

// figure reports whether the cell holds a figure (isCellFigure), worked out
// once: a spanning cell is asked about from every slot it covers.
func (c *tcell) figure() bool {
	if c.kind == 0 {
		c.kind = 2
		if isCellFigure(c.text) {
			c.kind = 1
		}
	}
	return c.kind == 1
}

// tslot is one position of the laid-out grid and the cell covering it.
type tslot struct {
	c          *tcell
	row0, col0 int // where the cell starts
}

// tableLines turns a table into text lines in the shape the text reader
// expects: a row with figures becomes one line, its label followed by its
// figures in column order. Every figure line carries its item's own label:
// a label spanning several rows above items that have labels of their own
// (「（三）不予公开」 over 「1.属于国家秘密」…) becomes a line of its own before
// the first item; a spanning label that is the only label of its rows is
// repeated on each of them. Rows without figures (headers) become one line
// of their labels.
func tableLines(rows [][]tcell) []string {
	grid := layOutTable(rows)
	valueCol := figureColumns(grid)
	var lines []string
	for r, row := range grid {
		var spanning, labels, values []string
		covering := "" // a label cell spanning down into this row
		hasValue := false
		// blanks counts the empty cells under figure columns; headed is
		// true when text other than a figure stands there (a header row).
		blanks, headed := 0, false
		for c, s := range row {
			if s.c != nil && s.col0 != c {
				continue // covered by a cell spanning columns
			}
			if s.c != nil && s.row0 != r {
				if t := s.c.text; t != "" && !s.c.figure() {
					covering = t
				}
				continue
			}
			text := ""
			rowsSpanned := 1
			if s.c != nil {
				text, rowsSpanned = s.c.text, s.c.rows
			}
			switch {
			case s.c != nil && s.c.figure():
				hasValue = true
				values = append(values, cellFigure(text))
			case text == "":
				if s.c != nil && valueCol[c] {
					values = append(values, "—")
					blanks++
				}
			case rowsSpanned > 1:
				headed = headed || valueCol[c]
				spanning = append(spanning, text)
			default:
				headed = headed || valueCol[c]
				labels = append(labels, text)
			}
		}
		if !hasValue && (blanks == 0 || headed || len(labels)+len(spanning) == 0) {
			// A header row: everything it starts, in column order.
			if l := joinRowCells(row, r); l != "" {
				lines = append(lines, l)
			}
			continue
		}
		switch {
		case len(labels) > 0:
			lines = append(lines, spanning...)
		case len(spanning) > 0:
			labels = spanning
		case covering != "":
			labels = []string{covering}
		}
		lines = append(lines, strings.Join(append(labels, values...), " "))
	}
	return lines
}

// joinRowCells joins the texts of the cells that start in row r.
func joinRowCells(row []tslot, r int) string {
	var parts []string
	for c, s := range row {
		if s.c == nil || s.row0 != r || s.col0 != c || s.c.text == "" {
			continue
		}
		parts = append(parts, s.c.text)
	}
	return strings.Join(parts, " ")
}

// layOutTable places the cells on a grid the way HTML tables do: each cell takes
// the next free column of its row and covers rows×cols slots.
func layOutTable(rows [][]tcell) [][]tslot {
	if len(rows) > maxTableRows {
		rows = rows[:maxTableRows]
	}
	grid := make([][]tslot, len(rows))
	for r := range rows {
		c := 0
		for i := range rows[r] {
			cl := &rows[r][i]
			cl.rows = clampSpan(cl.rows, 1, min(maxSpan, len(rows)-r))
			cl.cols = clampSpan(cl.cols, 1, maxSpan)
			for c < len(grid[r]) && grid[r][c].c != nil {
				c++
			}
			for dr := 0; dr < cl.rows; dr++ {
				for dc := 0; dc < cl.cols && c+dc < maxGridCols; dc++ {
					putSlot(grid, r+dr, c+dc, tslot{c: cl, row0: r, col0: c})
				}
			}
			c += cl.cols
		}
	}
	return grid
}

// putSlot stores s at grid[r][c], growing the row as needed.
func putSlot(grid [][]tslot, r, c int, s tslot) {
	for len(grid[r]) <= c {
		grid[r] = append(grid[r], tslot{})
	}
	grid[r][c] = s
}

// figureColumns reports the grid columns that hold figures: those where
// some row starts a figure, and those a header names but no row fills (a
// 总计 column left blank on every row) unless a data row has a label there,
// so that a blank cell keeps its column instead of collapsing the row.
func figureColumns(grid [][]tslot) map[int]bool {
	cols, named, labelled := map[int]bool{}, map[int]bool{}, map[int]bool{}
	for r, row := range grid {
		data := rowHasFigure(row)
		for c, s := range row {
			switch {
			case s.c == nil || s.c.text == "":
			case s.c.figure():
				if s.row0 == r && s.col0 == c {
					cols[c] = true
				}
			case data:
				labelled[c] = true
			default:
				named[c] = true
			}
		}
	}
	if len(cols) == 0 {
		return cols
	}
	for c := range named {
		if !labelled[c] {
			cols[c] = true
		}
	}
	return cols
}

// rowHasFigure reports whether a figure cell covers some slot of the row.
func rowHasFigure(row []tslot) bool {
	for _, s := range row {
		if s.c != nil && s.c.figure() {
			return true
		}
	}
	return false
}

func clampSpan(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
