package render

// Table is one official table laid out as a grid of cells with merged
// cells, the one form that the HTML, PDF, DOCX and XLSX renderers draw.
// It is derived from the report's Layout; only the figures come from the
// Report.
type Table struct {
	// ID names the part: "proactive", "applications" or "review_litigation".
	ID string
	// Caption is the table's title without the part number.
	Caption string
	// Cols is the number of grid columns.
	Cols int
	// Widths are the relative column widths, one per grid column.
	Widths []float64
	// Rows are the grid rows, top to bottom.
	Rows []GridRow
}

// GridRow is one row of a Table.
type GridRow struct {
	// Cells are the cells that start in this row, left to right; a cell
	// merged down from an earlier row is not repeated.
	Cells []Cell
	// Head marks a header row, repeated at the top of every page.
	Head bool
	// Group marks the first row of a group of rows (an HTML tbody).
	Group bool
}

// Cell is one (possibly merged) cell of a Table.
type Cell struct {
	Text string
	// Key is the canonical path of a figure, part/row/column, e.g.
	// "applications/withheld.state_secret/natural_person"; "" for labels.
	Key string
	// Value is the figure of a Key cell, for outputs that store numbers;
	// Signed marks a figure printed with its sign (本年增/减).
	Value  float64
	Signed bool
	// Row and Col are the grid position of the top-left corner.
	Row, Col int
	// RowSpan and ColSpan are at least 1.
	RowSpan, ColSpan int
	// Header marks a header cell; Scope says what it heads: "col",
	// "colgroup", "row" or "rowgroup".
	Header bool
	Scope  string
	// Vertical marks a tall narrow cell whose text reads top to bottom.
	Vertical bool
}

// cover returns, for every grid position, the cell that covers it.
func (t *Table) cover() [][]*Cell {
	grid := make([][]*Cell, len(t.Rows))
	for i := range grid {
		grid[i] = make([]*Cell, t.Cols)
	}
	for i := range t.Rows {
		for j := range t.Rows[i].Cells {
			c := &t.Rows[i].Cells[j]
			for r := c.Row; r < c.Row+c.RowSpan && r < len(grid); r++ {
				for k := c.Col; k < c.Col+c.ColSpan && k < t.Cols; k++ {
					grid[r][k] = c
				}
			}
		}
	}
	return grid
}

// headRows returns the number of leading header rows.
func (t *Table) headRows() int {
	n := 0
	for n < len(t.Rows) && t.Rows[n].Head {
		n++
	}
	return n
}

// tableBuilder appends cells row by row, tracking grid positions.
type tableBuilder struct {
	t   Table
	row int
}

// next starts a new grid row.
func (b *tableBuilder) next(head, group bool) {
	b.t.Rows = append(b.t.Rows, GridRow{Head: head, Group: group})
	b.row = len(b.t.Rows) - 1
}

// add appends a cell to the current row.
func (b *tableBuilder) add(c Cell) {
	c.Row = b.row
	if c.RowSpan == 0 {
		c.RowSpan = 1
	}
	if c.ColSpan == 0 {
		c.ColSpan = 1
	}
	b.t.Rows[b.row].Cells = append(b.t.Rows[b.row].Cells, c)
}
