package render

import "github.com/gongkai/gongkai/internal/report"

// Geometry of the PDF bar charts in millimetres.
const (
	pdfChartLabelW = 48.0
	pdfChartValueW = 18.0
	pdfChartRowH   = 6.5
	pdfChartBarH   = 4.2
	pdfChartSize   = 9.0
)

// chart draws a horizontal bar chart with fpdf primitives, kept on one
// page, its title centred below as in the seed's 图一 and 图二.
func (p *pdfWriter) chart(c report.Chart) {
	height := pdfChartRowH*float64(len(c.Points)) + 14
	if p.f.GetY()+height > p.bottom() {
		p.f.AddPage()
	}
	p.f.Ln(2)
	p.f.SetFont(fontFamily, "", pdfChartSize)
	x0 := pdfMarginX + pdfChartLabelW
	barW := p.contentWidth() - pdfChartLabelW - pdfChartValueW
	scale := 0.0
	if m := chartMax(c); m > 0 {
		scale = barW / m
	}
	y := p.f.GetY()
	p.f.SetDrawColor(120, 120, 120)
	p.f.Line(x0, y, x0, y+pdfChartRowH*float64(len(c.Points)))
	p.f.SetFillColor(178, 34, 34)
	for i, pt := range c.Points {
		top := y + pdfChartRowH*float64(i)
		label := pt.Label
		if lines := p.wrap(label, pdfChartLabelW-3); len(lines) > 1 {
			label = lines[0] + "…"
		}
		p.f.SetXY(pdfMarginX, top)
		p.f.CellFormat(pdfChartLabelW-2, pdfChartRowH, label, "", 0, "R", false, 0, "")
		w := max(pt.Value*scale, 0)
		if w > 0 {
			p.f.Rect(x0, top+(pdfChartRowH-pdfChartBarH)/2, w, pdfChartBarH, "F")
		}
		p.f.SetXY(x0+w+1, top)
		p.f.CellFormat(pdfChartValueW, pdfChartRowH, formatChartValue(pt.Value), "", 0, "L", false, 0, "")
	}
	p.f.SetDrawColor(0, 0, 0)
	p.f.SetY(y + pdfChartRowH*float64(len(c.Points)) + 1)
	title := c.Title
	if c.Unit != "" {
		title += "（单位：" + c.Unit + "）"
	}
	p.lines([]string{title}, 10, 6, "C")
	p.f.Ln(2)
}
