package render

import (
	"fmt"
	"github.com/gongkai/gongkai/internal/report"
	"io"

	"github.com/go-pdf/fpdf"
)

// Page geometry of the PDF in millimetres (A4, official document margins).
const (
	pdfMarginX   = 25.0
	pdfMarginTop = 25.0
	pdfBottom    = 22.0
	pdfBodySize  = 12.0 // points
	pdfBodyLine  = 7.5
	pdfTableSize = 9.0
	pdfTableLine = 4.4
)

// PDF writes the report as an A4 PDF in the official layout: the title,
// parts 一 to 六 in order, the tables with their merged header cells and the
// charts drawn as bars. The Chinese font is embedded (subset).
func PDF(w io.Writer, d *report.Document) error {
	tables, err := Tables(d)
	if err != nil {
		return err
	}
	p := newPDF(d)
	p.title(d)
	for _, s := range d.Preamble {
		p.paragraph(s)
	}
	p.heading(partOverview, 0)
	for _, s := range d.Overview {
		p.section(s)
	}
	for i, part := range []string{partProactive, partApplications, partReview} {
		p.heading(part, p.keepTogether(&tables[i]))
		p.table(tables[i])
	}
	p.heading(partProblems, 0)
	for _, s := range d.Problems {
		p.section(s)
	}
	p.heading(partOther, 0)
	for _, s := range d.Other {
		p.section(s)
	}
	p.signature(d)
	if err := p.f.Output(w); err != nil {
		return errorf("pdf", err)
	}
	return nil
}

// pdfWriter draws the document flow onto an fpdf document.
type pdfWriter struct {
	f *fpdf.Fpdf
}

func newPDF(d *report.Document) *pdfWriter {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(pdfMarginX, pdfMarginTop, pdfMarginX)
	f.SetAutoPageBreak(true, pdfBottom)
	f.AddUTF8FontFromBytes(fontFamily, "", fontTTF)
	f.SetTitle(d.Title(), true)
	f.SetAuthor(d.Report.Agency, true)
	f.SetCreator("gongkai", false)
	f.SetLang("zh-CN")
	if !d.Published.IsZero() {
		f.SetCreationDate(d.Published)
		f.SetModificationDate(d.Published)
	}
	f.SetFooterFunc(func() {
		f.SetY(-15)
		f.SetFont(fontFamily, "", 10)
		f.CellFormat(0, 6, fmt.Sprintf("- %d -", f.PageNo()), "", 0, "C", false, 0, "")
	})
	f.AddPage()
	return &pdfWriter{f: f}
}

// contentWidth is the width between the margins.
func (p *pdfWriter) contentWidth() float64 {
	w, _ := p.f.GetPageSize()
	return w - 2*pdfMarginX
}

// bottom is the lowest y a line may reach.
func (p *pdfWriter) bottom() float64 {
	_, h := p.f.GetPageSize()
	return h - pdfBottom
}

// wrap breaks text into lines of the current font no wider than width.
func (p *pdfWriter) wrap(text string, width float64) []string {
	return wrapText(text, width, p.f.GetStringWidth)
}

// lines prints lines at the left margin, breaking pages between lines.
func (p *pdfWriter) lines(lines []string, size, lineH float64, align string) {
	p.f.SetFont(fontFamily, "", size)
	for _, l := range lines {
		if p.f.GetY()+lineH > p.bottom() {
			p.f.AddPage()
		}
		p.f.SetX(pdfMarginX)
		p.f.CellFormat(p.contentWidth(), lineH, l, "", 1, align, false, 0, "")
	}
}

func (p *pdfWriter) title(d *report.Document) {
	p.f.SetFont(fontFamily, "", 20)
	p.f.SetY(pdfMarginTop + 5)
	p.lines(p.wrap(d.Report.Agency, p.contentWidth()), 20, 11, "C")
	p.lines([]string{fmt.Sprintf("%d年政府信息公开工作年度报告", d.Report.Year)}, 20, 11, "C")
	if d.Version > 1 {
		p.f.SetTextColor(139, 0, 0)
		p.f.SetFont(fontFamily, "", 10.5)
		note := fmt.Sprintf("第%d版", d.Version)
		if d.ChangeNote != "" {
			note += "：" + d.ChangeNote
		}
		p.lines(p.wrap(note, p.contentWidth()), 10.5, 6, "C")
		p.f.SetTextColor(0, 0, 0)
	}
	p.f.Ln(6)
}

// heading prints a part heading, moving to the next page when the first
// keep millimetres of what follows (at least two lines) would not fit under it.
func (p *pdfWriter) heading(text string, keep float64) {
	if p.f.GetY()+11+max(keep, 2*pdfBodyLine) > p.bottom() {
		p.f.AddPage()
	}
	p.f.Ln(2)
	p.lines([]string{text}, 14, 9, "L")
}

// paragraph prints body text with a two-character first-line indent.
func (p *pdfWriter) paragraph(text string) {
	p.f.SetFont(fontFamily, "", pdfBodySize)
	p.lines(p.wrap("　　"+text, p.contentWidth()-2), pdfBodySize, pdfBodyLine, "L")
}

func (p *pdfWriter) section(s report.Section) {
	if s.Heading != "" {
		p.f.SetFont(fontFamily, "", pdfBodySize)
		p.lines(p.wrap("　　"+s.Heading, p.contentWidth()-2), pdfBodySize, pdfBodyLine, "L")
	}
	for _, para := range s.Paragraphs {
		p.paragraph(para)
	}
	for _, c := range s.Charts {
		p.chart(c)
	}
}

func (p *pdfWriter) signature(d *report.Document) {
	p.f.Ln(pdfBodyLine)
	lines := []string{d.Report.Agency}
	if t := d.PublishedText(); t != "" {
		lines = append(lines, t)
	}
	p.lines(lines, pdfBodySize, pdfBodyLine, "R")
}
