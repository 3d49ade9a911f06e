package render

import "strings"

// docxTable is a Table as WordprocessingML rows: every grid row lists a
// w:tc for each run of grid columns, including the continuation cells of
// vertical merges, which Word requires.
type docxTable struct {
	Grid  []int // column widths in twips
	Width int
	Rows  []docxRow
}

type docxRow struct {
	Head  bool
	Cells []docxCell
}

type docxCell struct {
	Width    int
	GridSpan int
	// VMerge is "restart" on the first row of a vertical merge, "continue"
	// on the rows it covers, "" otherwise.
	VMerge string
	Header bool
	Align  string // "left" or "center"
	Lines  []string
}

func newDOCXTable(t Table) *docxTable {
	content := docxPageW - docxMarginL - docxMarginR
	sum := 0.0
	for _, w := range t.Widths {
		sum += w
	}
	dt := &docxTable{Width: content}
	for _, w := range t.Widths {
		dt.Grid = append(dt.Grid, int(w/sum*float64(content)))
	}
	cover := t.cover()
	for i, r := range t.Rows {
		row := docxRow{Head: r.Head}
		for x := 0; x < t.Cols; {
			c := cover[i][x]
			dc := docxCell{GridSpan: c.ColSpan, Header: c.Header, Align: "center"}
			for k := c.Col; k < c.Col+c.ColSpan; k++ {
				dc.Width += dt.Grid[k]
			}
			if c.Scope == "row" {
				dc.Align = "left"
			}
			switch {
			case c.Row != i:
				dc.VMerge = "continue"
			case c.RowSpan > 1:
				dc.VMerge = "restart"
			}
			if c.Row == i {
				dc.Lines = []string{c.Text}
				if c.Vertical {
					dc.Lines = strings.Split(c.Text, "")
				}
			}
			row.Cells = append(row.Cells, dc)
			x += c.ColSpan
		}
		dt.Rows = append(dt.Rows, row)
	}
	return dt
}
