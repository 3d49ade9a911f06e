package extract

import (
	"fmt"
	"io"
	"unicode"

	"github.com/ledongthuc/pdf"
	"golang.org/x/image/font/sfnt"
)

// Budgets of embedded font programs, read to decode fonts without a
// ToUnicode map: the largest CJK fonts are about 20 MB.
const (
	// maxFontFile is the most one font program may inflate to.
	maxFontFile = 32 << 20
	// maxFontFiles is the most all of a document's font programs may
	// inflate to.
	maxFontFiles = 64 << 20
)

// glyphText decodes the codes of a composite font that has no ToUnicode
// map but embeds its whole TrueType font (Identity-H, CIDs that are glyph
// numbers): the font's own cmap says which character each glyph draws.
// Subset fonts usually drop that cmap; then nothing can be decoded and the
// font is refused, as before.
type glyphText struct {
	runes  map[uint16]rune // by glyph number
	cidGID []byte          // the CIDToGIDMap stream, nil for Identity
}

// readGlyphText returns the decoder of a Type0 font through its embedded
// font's cmap, or nil when the font is not of that kind or has no cmap,
// and how many bytes of font program it read.
func readGlyphText(font pdf.Value) (g *glyphText, read int) {
	if font.Key("Subtype").Name() != "Type0" || font.Key("ToUnicode").Kind() == pdf.Stream {
		return nil, 0
	}
	if e := font.Key("Encoding"); e.Kind() != pdf.Name || (e.Name() != "Identity-H" && e.Name() != "Identity-V") {
		return nil, 0
	}
	d := font.Key("DescendantFonts").Index(0)
	if d.Key("Subtype").Name() != "CIDFontType2" {
		return nil, 0
	}
	g = &glyphText{runes: map[uint16]rune{}}
	if m := d.Key("CIDToGIDMap"); m.Kind() == pdf.Stream {
		if g.cidGID = readLimited(m, 2<<16); g.cidGID == nil {
			return nil, 0
		}
	}
	program := d.Key("FontDescriptor").Key("FontFile2")
	if program.Kind() != pdf.Stream {
		return nil, 0
	}
	data := readLimited(program, maxFontFile)
	if data == nil {
		return nil, maxFontFile // over its budget, or broken
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, len(data)
	}
	var buf sfnt.Buffer
	// Unified ideographs before compatibility ones, so a glyph both name
	// reads as the common character.
	for r := rune(0x20); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		gid, err := f.GlyphIndex(&buf, r)
		if err != nil || gid == 0 {
			continue
		}
		if _, ok := g.runes[uint16(gid)]; !ok {
			g.runes[uint16(gid)] = r
		}
	}
	if len(g.runes) == 0 {
		return nil, len(data)
	}
	return g, len(data)
}

// readLimited reads a stream whole, or returns nil when it is missing,
// broken or longer than limit.
func readLimited(v pdf.Value, limit int) []byte {
	if v.Kind() != pdf.Stream {
		return nil
	}
	rc := v.Reader()
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, int64(limit)+1))
	if err != nil || len(data) > limit {
		return nil
	}
	return data
}

// Decode returns the character of one two-byte code.
func (g *glyphText) Decode(raw string) string {
	if len(raw) != 2 {
		return string(unicode.ReplacementChar)
	}
	gid := uint16(raw[0])<<8 | uint16(raw[1])
	if g.cidGID != nil {
		i := 2 * int(gid)
		if i+1 >= len(g.cidGID) {
			return string(unicode.ReplacementChar)
		}
		gid = uint16(g.cidGID[i])<<8 | uint16(g.cidGID[i+1])
	}
	if r, ok := g.runes[gid]; ok {
		return string(r)
	}
	return string(unicode.ReplacementChar)
}

// glyphText returns the embedded-font decoder of a font (readGlyphText),
// reading each font program of the document once and all of them within
// maxFontFiles; past it, it panics with a LimitError, which extractPDF
// recovers.
func (b *pdfBudget) glyphText(font pdf.Value) *glyphText {
	program := font.Key("DescendantFonts").Index(0).Key("FontDescriptor").Key("FontFile2")
	key := fmt.Sprintf("%s/%d", font.Key("BaseFont").Name(), program.Key("Length").Int64())
	if g, ok := b.fonts[key]; ok {
		return g
	}
	if b.fonts == nil {
		b.fonts = map[string]*glyphText{}
	}
	g, n := readGlyphText(font)
	if b.fontBytes += n; b.fontBytes > maxFontFiles {
		panic(overLimit("PDF 嵌入字体解压后合计超过 %s", mb(maxFontFiles)))
	}
	b.fonts[key] = g
	return g
}
