package extract

import "github.com/ledongthuc/pdf"

// maxWidthEntries bounds the glyph widths read from one font's W array.
const maxWidthEntries = 1 << 16

// pdfFont is what the text walk needs of a font: how to cut a string into
// glyph codes, what each code means and how wide it is.
type pdfFont struct {
	enc       pdf.TextEncoding
	codeBytes int             // 2 for composite (Type0) fonts, else 1
	widths    map[int]float64 // pdfGlyph widths in 1/1000 em
	missing   float64         // width of a code not in widths
}

// loadPDFFont reads a font dictionary once. Its ToUnicode map, when it has
// one, is read by readToUnicode, a composite font without one through its
// embedded font's cmap (readGlyphText); the library decodes the other
// encodings.
func loadPDFFont(v pdf.Value, budget *pdfBudget) *pdfFont {
	f := pdf.Font{V: v}
	var enc pdf.TextEncoding
	if m := readToUnicode(v.Key("ToUnicode")); m != nil {
		enc = m
	} else if g := budget.glyphText(v); g != nil {
		enc = g
	} else {
		enc = f.Encoder()
	}
	pf := &pdfFont{enc: enc, codeBytes: 1, widths: map[int]float64{}, missing: 500}
	if f.V.Key("Subtype").Name() == "Type0" {
		pf.codeBytes = 2
		d := f.V.Key("DescendantFonts").Index(0)
		pf.missing = 1000
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			pf.missing = dw.Float64()
		}
		readCIDWidths(d.Key("W"), pf.widths)
		return pf
	}
	if mw := f.V.Key("FontDescriptor").Key("MissingWidth").Float64(); mw > 0 {
		pf.missing = mw
	}
	first := int(f.V.Key("FirstChar").Int64())
	ws := f.V.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		pf.widths[first+i] = ws.Index(i).Float64()
	}
	return pf
}

// readCIDWidths reads a CID font's W array: entries "c [w1 w2 …]" and
// "cFirst cLast w".
func readCIDWidths(w pdf.Value, into map[int]float64) {
	n := w.Len()
	for i := 0; i+1 < n && len(into) < maxWidthEntries; {
		c := int(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && len(into) < maxWidthEntries; j++ {
				into[c+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			return
		}
		last, width := int(next.Int64()), w.Index(i+2).Float64()
		for cid := c; cid <= last && len(into) < maxWidthEntries; cid++ {
			into[cid] = width
		}
		i += 3
	}
}

// glyphs cuts a shown string into codes, each with its text and width.
func (f *pdfFont) glyphs(raw string, each func(text string, width float64, space bool)) {
	for i := 0; i+f.codeBytes <= len(raw); i += f.codeBytes {
		code := raw[i : i+f.codeBytes]
		c := int(code[0])
		if f.codeBytes == 2 {
			c = c<<8 | int(code[1])
		}
		w, ok := f.widths[c]
		if !ok {
			w = f.missing
		}
		each(f.enc.Decode(code), w, f.codeBytes == 1 && c == ' ')
	}
}
