package render

import (
	"fmt"
	"io"

	"github.com/go-pdf/fpdf"
)

// The page of a letter, GB/T 9704-2012 in millimetres: A4, the 版心 156 ×
// 225 mm with 37 mm above it (天头) and 28 mm to its left (订口), 22 lines
// of 28 characters, body in 3号 (16 pt), title in 2号 (22 pt), page
// numbers in 4号 (14 pt) 7 mm below the 版心.
const (
	letterLeft    = 28.0
	letterTop     = 37.0
	letterWidth   = 156.0
	letterHeight  = 225.0
	letterLines   = 22
	letterChars   = 28
	letterBody    = 16.0
	letterTitle   = 22.0
	letterPageNo  = 14.0
	letterPageGap = 7.0
	ptMM          = 25.4 / 72
)

// letterPDF lays a letter out on the GB/T 9704 grid. Lines are filled to
// the 版心's width: the characters are set on the grid's pitch
// (156 mm / 28) and a line that is not a paragraph's last is justified to
// the full width.
type letterPDF struct {
	f *fpdf.Fpdf
	// scale brings a 16 pt character (5.64 mm) to the grid's pitch
	// (5.57 mm), so that 28 fit a line.
	scale float64
	y     float64 // top of the next line
}

func (p *letterPDF) lineH() float64 { return letterHeight / letterLines }

// measure is the width a text takes on the grid at the current size.
func (p *letterPDF) measure(s string) float64 { return p.f.GetStringWidth(s) * p.scale }

// newLine returns the top of the next line, on a new page when the 版心 is full.
func (p *letterPDF) newLine(h float64) float64 {
	if p.y+h > letterTop+letterHeight+0.01 {
		p.f.AddPage()
		p.y = letterTop
	}
	y := p.y
	p.y += h
	return y
}

// draw sets one line from x, each character on its advance plus gap, with
// its baseline in the line of height h starting at top.
func (p *letterPDF) draw(line string, x, top, h, gap float64) {
	_, size := p.f.GetFontSize() // in mm
	base := top + h/2 + size*0.35
	for _, r := range line {
		s := string(r)
		p.f.Text(x, base, s)
		x += p.measure(s) + gap
	}
}

// block sets text wrapped to the 版心 with align "L" (justified but for the
// last line, indented by indent characters), "C" or "R" (right, leaving
// rightIndent characters free).
func (p *letterPDF) block(text string, size float64, align string, indent, rightIndent int) {
	p.f.SetFont(fontFamily, "", size)
	pitch := letterWidth / letterChars * size / letterBody
	lead := ""
	for range indent {
		lead += "　"
	}
	// A line of exactly 28 characters fits: the epsilon absorbs rounding.
	lines := wrapText(lead+text, letterWidth-float64(rightIndent)*pitch+0.01, p.measure)
	h := max(p.lineH(), size*ptMM*1.4)
	for i, l := range lines {
		top := p.newLine(h)
		w := p.measure(l)
		switch {
		case align == "C":
			p.draw(l, letterLeft+(letterWidth-w)/2, top, h, 0)
		case align == "R":
			p.draw(l, letterLeft+letterWidth-float64(rightIndent)*pitch-w, top, h, 0)
		case i < len(lines)-1 && len([]rune(l)) > 1:
			// The last glyph ends at the right edge of the 版心.
			rs := []rune(l)
			last := p.f.GetStringWidth(string(rs[len(rs)-1]))
			gap := (letterWidth - (w - p.measure(string(rs[len(rs)-1]))) - last) / float64(len(rs)-1)
			p.draw(l, letterLeft, top, h, gap)
		default:
			p.draw(l, letterLeft, top, h, 0)
		}
	}
}

// LetterPDF writes the letter as an A4 PDF on the GB/T 9704 page with the
// Chinese font embedded: the agency's name in red, the 文号 centred over a
// red rule as wide as the 版心, the title, the addressee, the paragraphs
// with a two-character indent, the agency centred over the date (set four
// characters from the right) below room for the seal, and page numbers
// 「— 1 —」 outside, odd pages right and even pages left.
func LetterPDF(w io.Writer, l *Letter) error {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(letterLeft, letterTop, 210-letterLeft-letterWidth)
	f.SetAutoPageBreak(false, 0)
	f.AddUTF8FontFromBytes(fontFamily, "", fontTTF)
	f.SetTitle(l.Title, true)
	f.SetAuthor(l.Agency, true)
	f.SetCreator("gongkai", false)
	f.SetLang("zh-CN")
	if !l.Date.IsZero() {
		f.SetCreationDate(l.Date)
		f.SetModificationDate(l.Date)
	}
	p := &letterPDF{f: f, y: letterTop}
	f.SetFont(fontFamily, "", letterBody)
	p.scale = letterWidth / letterChars / f.GetStringWidth("国")
	f.SetFooterFunc(func() {
		f.SetFont(fontFamily, "", letterPageNo)
		f.SetTextColor(0, 0, 0)
		no := fmt.Sprintf("— %d —", f.PageNo())
		w, char := f.GetStringWidth(no), letterPageNo*ptMM
		x := letterLeft + letterWidth - char - w
		if f.PageNo()%2 == 0 {
			x = letterLeft + char
		}
		f.Text(x, letterTop+letterHeight+letterPageGap+letterPageNo*ptMM*0.8, no)
	})
	f.AddPage()

	f.SetTextColor(200, 0, 0)
	p.block(l.Agency, letterTitle+4, "C", 0, 0)
	f.SetTextColor(0, 0, 0)
	p.y += p.lineH()
	p.block(l.Number, letterBody, "C", 0, 0)
	rule := p.y + 2
	f.SetDrawColor(200, 0, 0)
	f.SetLineWidth(0.5)
	f.Line(letterLeft, rule, letterLeft+letterWidth, rule)
	p.y = rule + p.lineH()
	p.block(l.Title, letterTitle, "C", 0, 0)
	p.y += p.lineH() / 2
	p.block(l.Addressee+"：", letterBody, "L", 0, 0)
	for _, para := range l.Paragraphs {
		p.block(para, letterBody, "L", 2, 0)
	}
	// Room for the seal, which presses on the 署名 and the date.
	p.y += 2 * p.lineH()
	date := l.dateText()
	f.SetFont(fontFamily, "", letterBody)
	pitch := letterWidth / letterChars
	dateW := p.measure(date)
	dateX := letterLeft + letterWidth - 4*pitch - dateW
	top := p.newLine(2 * p.lineH())
	signW := p.measure(l.Agency)
	p.draw(l.Agency, max(letterLeft, dateX+dateW/2-signW/2), top, p.lineH(), 0)
	p.draw(date, dateX, top+p.lineH(), p.lineH(), 0)
	if err := f.Output(w); err != nil {
		return errorf("letter pdf", err)
	}
	return nil
}
