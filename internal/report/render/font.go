package render

import (
	_ "embed"
	"fmt"
	"github.com/gongkai/gongkai/internal/report"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// fontTTF is WenQuanYi Micro Hei, one face extracted from Debian's
// fonts-wqy-microhei collection (Apache-2.0; see fonts/LICENSE.txt). The
// PDF embeds the subset it uses; the DOCX chart images are drawn with it.
//
//go:embed fonts/wqy-microhei.ttf
var fontTTF []byte

// fontFamily is the name the PDF registers the embedded font under.
const fontFamily = "wqy"

var parsedFont = sync.OnceValues(func() (*sfnt.Font, error) {
	f, err := sfnt.Parse(fontTTF)
	if err != nil {
		return nil, fmt.Errorf("render: embedded font: %w", err)
	}
	return f, nil
})

// MissingGlyphs returns the characters of the document that the embedded
// font cannot draw, each once, so that an editor can warn before a PDF
// prints blanks. Whitespace is ignored.
func MissingGlyphs(d *report.Document) ([]rune, error) {
	f, err := parsedFont()
	if err != nil {
		return nil, err
	}
	tables, err := Tables(d)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	seen := map[rune]bool{}
	var missing []rune
	for _, s := range documentTexts(d, tables) {
		for _, r := range s {
			if seen[r] || r == ' ' || r == '\n' || r == '\t' {
				continue
			}
			seen[r] = true
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				missing = append(missing, r)
			}
		}
	}
	return missing, nil
}

// documentTexts lists every text a renderer prints.
func documentTexts(d *report.Document, tables []Table) []string {
	out := []string{d.Title(), d.PublishedText(), d.ChangeNote, partOverview, partProactive, partApplications, partReview, partProblems, partOther}
	out = append(out, d.Preamble...)
	for _, part := range [][]report.Section{d.Overview, d.Problems, d.Other} {
		for _, s := range part {
			out = append(out, s.Heading)
			out = append(out, s.Paragraphs...)
			for _, c := range s.Charts {
				out = append(out, c.Title, c.Unit)
				for _, p := range c.Points {
					out = append(out, p.Label)
				}
			}
		}
	}
	for _, t := range tables {
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				out = append(out, c.Text)
			}
		}
	}
	return out
}
