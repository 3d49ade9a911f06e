package extract

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/gongkai/gongkai/internal/hostile"
)

// TestExtractPDFEmbeddedCmap reads a composite font that has no ToUnicode
// map but embeds its whole TrueType font: the codes are glyph numbers, and
// the font's cmap tells their characters (poppler prints such text as
// garbage). The font is gongkai's own embedded face.
func TestExtractPDFEmbeddedCmap(t *testing.T) {
	ttf, err := os.ReadFile("../report/render/fonts/wqy-microhei.ttf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	hex := func(s string) string {
		var b bytes.Buffer
		b.WriteByte('<')
		for _, r := range s {
			g, _ := f.GlyphIndex(&buf, r)
			fmt.Fprintf(&b, "%04X", g)
		}
		b.WriteByte('>')
		return b.String()
	}
	content := "BT /F1 12 Tf 72 700 Td " + hex("行政许可 161 +14") + " Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type0 /BaseFont /WenQuanYiMicroHei /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /WenQuanYiMicroHei /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /CIDToGIDMap /Identity /DW 1000 >>",
		"<< /Type /FontDescriptor /FontName /WenQuanYiMicroHei /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 8 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(ttf), ttf),
	}
	got, err := extractPDF(hostile.PDFFile(objs))
	if err != nil {
		t.Fatal(err)
	}
	if want := "行政许可 161 +14\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
