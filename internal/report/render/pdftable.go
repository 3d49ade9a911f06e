package render

import "strings"

const (
	pdfCellPadX = 1.0
	pdfCellPadY = 1.2
	pdfRowMin   = 6.5
)

// pdfTable is a Table measured for one page width.
type pdfTable struct {
	t     *Table
	x     []float64 // left edge of each column
	w     []float64 // width of each column
	h     []float64 // height of each row
	cover [][]*Cell
	head  int // number of header rows
	headH float64
	page  []int     // page offset of each row, 0 for the first page
	y     []float64 // top of each row on its page
}

// table draws a Table with its merged cells. Header rows repeat on every
// page; a merged cell broken by a page is drawn on both pages.
func (p *pdfWriter) table(t Table) {
	m := p.measure(&t)
	if p.f.GetY()+p.keepTogether(&t) > p.bottom() {
		p.f.AddPage()
	}
	m.paginate(p.f.GetY(), pdfMarginTop, p.bottom())
	p.f.SetAutoPageBreak(false, pdfBottom)
	defer p.f.SetAutoPageBreak(true, pdfBottom)
	y0 := p.f.GetY()
	p.drawHead(m, y0)
	for i := m.head; i < len(t.Rows); i++ {
		if i > m.head && m.page[i] != m.page[i-1] {
			p.f.AddPage()
			p.drawHead(m, pdfMarginTop)
		}
		drawn := map[*Cell]bool{}
		for _, c := range m.cover[i] {
			first := c.Row == i || i == m.head || m.page[i] != m.page[i-1]
			if drawn[c] || !first {
				continue
			}
			drawn[c] = true
			h := 0.0
			for r := i; r < c.Row+c.RowSpan && m.page[r] == m.page[i]; r++ {
				h += m.h[r]
			}
			p.cell(m, c, m.y[i], h)
		}
	}
	last := len(t.Rows) - 1
	p.f.SetXY(pdfMarginX, m.y[last]+m.h[last]+4)
}

// keepTogether returns the height the table needs on its first page: all
// of it when it fits on one page, else its header and first row.
func (p *pdfWriter) keepTogether(t *Table) float64 {
	m := p.measure(t)
	total := 0.0
	for _, h := range m.h {
		total += h
	}
	if total <= p.bottom()-pdfMarginTop {
		return total
	}
	return m.headH + m.h[min(m.head, len(m.h)-1)]
}

// measure computes column widths and row heights.
func (p *pdfWriter) measure(t *Table) *pdfTable {
	p.f.SetFont(fontFamily, "", pdfTableSize)
	m := &pdfTable{t: t, cover: t.cover(), head: t.headRows(), h: make([]float64, len(t.Rows))}
	sum := 0.0
	for _, w := range t.Widths {
		sum += w
	}
	x := pdfMarginX
	for _, w := range t.Widths {
		m.x = append(m.x, x)
		m.w = append(m.w, w/sum*p.contentWidth())
		x += w / sum * p.contentWidth()
	}
	for i := range m.h {
		m.h[i] = pdfRowMin
	}
	// Single-row cells first, then merged cells widen their last row.
	for _, merged := range []bool{false, true} {
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				if (c.RowSpan > 1) != merged {
					continue
				}
				need := float64(len(p.cellLines(m, &c)))*pdfTableLine + 2*pdfCellPadY
				have := 0.0
				for k := c.Row; k < c.Row+c.RowSpan; k++ {
					have += m.h[k]
				}
				if need > have {
					m.h[c.Row+c.RowSpan-1] += need - have
				}
			}
		}
	}
	for _, h := range m.h[:m.head] {
		m.headH += h
	}
	return m
}

// paginate assigns each body row a page and a top edge.
func (m *pdfTable) paginate(y, top, bottom float64) {
	m.page = make([]int, len(m.h))
	m.y = make([]float64, len(m.h))
	page := 0
	for i := range m.h {
		if i < m.head {
			m.y[i] = y
			y += m.h[i]
			continue
		}
		if y+m.h[i] > bottom && i > m.head {
			page++
			y = top + m.headH
		}
		m.page[i], m.y[i] = page, y
		y += m.h[i]
	}
}

// cellWidth is the width of a cell across its columns.
func (m *pdfTable) cellWidth(c *Cell) float64 {
	w := 0.0
	for k := c.Col; k < c.Col+c.ColSpan; k++ {
		w += m.w[k]
	}
	return w
}

// cellLines wraps a cell's text; a vertical cell prints one character a line.
func (p *pdfWriter) cellLines(m *pdfTable, c *Cell) []string {
	if c.Vertical {
		return strings.Split(c.Text, "")
	}
	return p.wrap(c.Text, m.cellWidth(c)-2*pdfCellPadX)
}

// drawHead draws the header rows from top y.
func (p *pdfWriter) drawHead(m *pdfTable, y float64) {
	for i := 0; i < m.head; i++ {
		for _, c := range m.t.Rows[i].Cells {
			h := 0.0
			for k := c.Row; k < c.Row+c.RowSpan; k++ {
				h += m.h[k]
			}
			p.cell(m, &c, y, h)
		}
		y += m.h[i]
	}
}

// cell draws a cell's border and its text, centred vertically; row
// headers are left-aligned, everything else centred.
func (p *pdfWriter) cell(m *pdfTable, c *Cell, y, h float64) {
	x, w := m.x[c.Col], m.cellWidth(c)
	if c.Header {
		p.f.SetFillColor(244, 244, 244)
		p.f.Rect(x, y, w, h, "FD")
	} else {
		p.f.Rect(x, y, w, h, "D")
	}
	align := "C"
	if c.Scope == "row" {
		align = "L"
	}
	lines := p.cellLines(m, c)
	ty := y + (h-float64(len(lines))*pdfTableLine)/2
	for _, l := range lines {
		p.f.SetXY(x+pdfCellPadX-p.f.GetCellMargin(), ty)
		p.f.CellFormat(w-2*pdfCellPadX+2*p.f.GetCellMargin(), pdfTableLine, l, "", 0, align, false, 0, "")
		ty += pdfTableLine
	}
}
