package extract

import (
	"math"
	"slices"
	"strings"

	"github.com/ledongthuc/pdf"
)

// Budgets of a page's table rules: a report page draws a few hundred rules
// and prints a hundred lines.
const (
	// maxPDFRules bounds the vertical rules kept for one page.
	maxPDFRules = 1 << 14
	// maxRuleChecks bounds lines × rules of a page; past it the page is
	// written without cutting its lines into cells.
	maxRuleChecks = 1 << 22
)

// pdfRule is a vertical line of a table drawn on the page: a cell border
// at x from y0 up to y1, in page space.
type pdfRule struct{ x, y0, y1 float64 }

// pdfRules collects the vertical rules of a page from its paths: the left
// and right edges of stroked rectangles, stroked vertical segments, and
// thin filled rectangles (Chromium and LibreOffice draw borders so).
type pdfRules struct {
	rects [][4]float64 // x0, y0, x1, y1 of the current path's rectangles
	segs  [][4]float64 // its straight segments
	cur   [2]float64
	done  []pdfRule
}

// reset forgets a path left unpainted by the content stream before.
func (r *pdfRules) reset() { r.rects, r.segs = nil, nil }

// path takes one path operator with its operands.
func (r *pdfRules) path(op string, args []pdf.Value, ctm pdfMatrix) {
	num := func(i int) float64 {
		if i < len(args) {
			return args[i].Float64()
		}
		return 0
	}
	at := func(x, y float64) [2]float64 {
		return [2]float64{x*ctm[0] + y*ctm[2] + ctm[4], x*ctm[1] + y*ctm[3] + ctm[5]}
	}
	if len(r.rects)+len(r.segs) > maxPDFRules {
		r.reset() // a path of this size is no table
	}
	switch op {
	case "m":
		r.cur = at(num(0), num(1))
	case "l":
		p := at(num(0), num(1))
		r.segs = append(r.segs, [4]float64{r.cur[0], r.cur[1], p[0], p[1]})
		r.cur = p
	case "re":
		a, b := at(num(0), num(1)), at(num(0)+num(2), num(1)+num(3))
		r.rects = append(r.rects, [4]float64{min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])})
	case "h":
	case "n":
		r.reset()
	case "f", "F", "f*":
		for _, q := range r.rects {
			if q[2]-q[0] <= 3 && q[3]-q[1] >= 4 {
				r.add((q[0]+q[2])/2, q[1], q[3])
			}
		}
		r.reset()
	default: // a stroke, with or without a fill
		for _, q := range r.rects {
			if q[3]-q[1] >= 4 {
				r.add(q[0], q[1], q[3])
				r.add(q[2], q[1], q[3])
			}
		}
		for _, s := range r.segs {
			if math.Abs(s[2]-s[0]) < 1 && math.Abs(s[3]-s[1]) >= 4 {
				r.add((s[0]+s[2])/2, min(s[1], s[3]), max(s[1], s[3]))
			}
		}
		r.reset()
	}
}

func (r *pdfRules) add(x, y0, y1 float64) {
	if len(r.done) < maxPDFRules {
		r.done = append(r.done, pdfRule{x, y0, y1})
	}
}

// pdfRowCells is a printed line cut at the vertical rules that cross it:
// cells[0] is left of the first rule, cells[len(xs)] right of the last.
type pdfRowCells struct {
	xs    []float64
	texts []string
	// figure is true when some cell holds only a figure.
	figure bool
}

// rowCells cuts a printed line at the rules crossing it; ok is false when
// fewer than two rules cross it.
func rowCells(gs []pdfGlyph, rules []pdfRule) (row pdfRowCells, ok bool) {
	y := gs[0].y
	for _, r := range rules {
		if r.y0 <= y && y <= r.y1 {
			row.xs = append(row.xs, r.x)
		}
	}
	slices.Sort(row.xs)
	row.xs = slices.CompactFunc(row.xs, func(a, b float64) bool { return math.Abs(a-b) < 2 })
	if len(row.xs) < 2 {
		return row, false
	}
	cells := make([][]pdfGlyph, len(row.xs)+1)
	for _, g := range gs {
		i, _ := slices.BinarySearch(row.xs, g.x+min(g.w, g.size)/2)
		cells[i] = append(cells[i], g)
	}
	row.texts = make([]string, len(cells))
	for i, c := range cells {
		row.texts[i] = pdfLineText(c)
		row.figure = row.figure || isCellFigure(row.texts[i])
	}
	return row, true
}

// labelEdge returns the right edge of a table's label columns: the
// rightmost rule after a label that a line with figures prints (-1 when no
// such line has a label, as in part 四's one row). Rules of rows spanning
// pages or rows are drawn in pieces, so a label column is known by where it
// ends, not by its two rules.
func labelEdge(rows []pdfRowCells) float64 {
	edge := -1.0
	for _, r := range rows {
		if !r.figure {
			continue
		}
		for i := 1; i < len(r.xs); i++ {
			if t := r.texts[i]; t != "" && !isCellFigure(t) {
				edge = max(edge, r.xs[i])
			}
		}
	}
	return edge
}

// text writes a line with figures cell by cell, an empty cell right of the
// line's labels and of the table's label columns (labelEdge) as 「—」,
// which the text reader reads as 0, so that a cell printed empty keeps its
// column; other lines are written as printed.
func (r pdfRowCells) text(edge float64) string {
	last := -1 // the line's last label cell: no figure column is left of it
	for i, t := range r.texts {
		if t != "" && !isCellFigure(t) {
			last = i
		}
	}
	var parts []string
	for i, t := range r.texts {
		switch {
		case t != "":
			parts = append(parts, t)
		case r.figure && i > last && i > 0 && i < len(r.xs) && r.xs[i-1] >= edge-2:
			parts = append(parts, "—")
		}
	}
	return strings.Join(parts, " ")
}
