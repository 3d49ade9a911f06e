package extract

import "strings"

// docxTable is a table being read: its finished rows, the row and cell
// being read, and where each vertically merged cell started. A table that
// holds another table only lays out the page (as converted web pages do) and
// is read as flow: each paragraph a line.
type docxTable struct {
	rows      [][]tcell
	row       []tcell
	col       int              // grid column of the cell being read
	tcell     *strings.Builder // nil outside a cell
	cellPara  strings.Builder  // the cell's paragraph being read
	cellLines []string         // the cell's paragraphs read so far
	span      int              // gridSpan of the cell being read
	vmerge    string           // "", "restart" or "continue"
	mergeTop  map[int][2]int   // grid column → row and index of the cell a vMerge continues
	layout    bool             // holds a nested table
}

// lines returns the table's text: the grid lines of a data table, or each
// cell's paragraphs in order for a layout table.
func (t *docxTable) lines() []string {
	if !t.layout {
		return tableLines(t.rows)
	}
	var lines []string
	for _, row := range t.rows {
		for _, c := range row {
			lines = append(lines, c.lines...)
		}
	}
	return lines
}

// endCellPara ends a paragraph (or a line broken inside one) of the cell
// being read.
func (t *docxTable) endCellPara() {
	if l := squashSpace(t.cellPara.String()); l != "" {
		t.cellLines = append(t.cellLines, l)
	}
	t.cellPara.Reset()
	t.tcell.WriteString("\n")
}

// endCell adds the cell just read to its row, or lengthens the cell above
// when it continues a vertical merge.
func (t *docxTable) endCell() {
	t.endCellPara()
	text := squashSpace(t.tcell.String())
	lines := t.cellLines
	span := clampSpan(t.span, 1, maxSpan)
	col := t.col
	t.tcell, t.col = nil, t.col+span
	if t.vmerge == "continue" {
		if at, ok := t.mergeTop[col]; ok && at[0] < len(t.rows) && at[1] < len(t.rows[at[0]]) {
			top := &t.rows[at[0]][at[1]]
			top.rows = len(t.rows) - at[0] + 1
			top.lines = append(top.lines, lines...)
			return
		}
	}
	for c := col; c < col+span; c++ {
		delete(t.mergeTop, c)
	}
	if t.vmerge != "" {
		t.mergeTop[col] = [2]int{len(t.rows), len(t.row)}
	}
	t.row = append(t.row, tcell{text: text, rows: 1, cols: span, lines: lines})
}
