package extract

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/gongkai/gongkai/internal/hostile"
)

// buildPDF writes a one-page PDF whose content stream is content, with F1
// a CID font (Identity-H, one em per glyph) mapping glyph i+1 to the i-th
// rune of cids through a ToUnicode map (none when toUnicode is false), and
// F2 the standard Helvetica, and X1 a form drawing formContent 100 points
// lower.
func buildPDF(content, cids string, toUnicode bool) []byte {
	return buildPDFWithForm(content, "", cids, toUnicode)
}

func buildPDFWithForm(content, formContent, cids string, toUnicode bool) []byte {
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
		"1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	rs := []rune(cids)
	fmt.Fprintf(&cmap, "%d beginbfchar\n", len(rs))
	for i, r := range rs {
		fmt.Fprintf(&cmap, "<%04X> <%04X>\n", i+1, utf16.Encode([]rune{r})[0])
	}
	cmap.WriteString("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n")
	font := "<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H /DescendantFonts [6 0 R]"
	if toUnicode {
		font += " /ToUnicode 8 0 R"
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 7 0 R >> /XObject << /X1 9 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		font + " >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", cmap.Len(), cmap.String()),
		fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 0 -100] /Resources << /Font << /F1 5 0 R >> /XObject << /X1 9 0 R >> >> /Length %d >>\nstream\n%s\nendstream", len(formContent), formContent),
	}
	return hostile.PDFFile(objs)
}

// cidHex writes runes of cids as the hex string of their glyph numbers.
func cidHex(cids, s string) string {
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range s {
		fmt.Fprintf(&b, "%04X", cidIndex(cids, r)+1)
	}
	b.WriteByte('>')
	return b.String()
}

func cidIndex(s string, r rune) int {
	for i, c := range []rune(s) {
		if c == r {
			return i
		}
	}
	return -1
}

const testCIDs = "规章行政许可一、总体情况"

func TestExtractPDFLayout(t *testing.T) {
	tests := []struct {
		name    string
		content string
		form    string // drawn by "/X1 Do"
		want    string
	}{
		{
			name: "CID label and Helvetica figures on one row, cells apart",
			content: "BT /F1 12 Tf 72 700 Td " + cidHex(testCIDs, "行政许可") + " Tj ET\n" +
				"BT /F2 12 Tf 300 700 Td (161) Tj 60 0 Td (+14) Tj 60 0 Td (12209) Tj ET",
			want: "行政许可 161 +14 12209\n",
		},
		{
			name: "TJ kerning keeps a word, a line below comes after",
			content: "BT /F1 10 Tf 72 700 Td [" + cidHex(testCIDs, "一、") + " -20 " + cidHex(testCIDs, "总体情况") + "] TJ ET\n" +
				"BT /F1 10 Tf 72 680 Td " + cidHex(testCIDs, "规章") + " Tj /F2 10 Tf 100 0 Td (0) Tj ET",
			want: "一、总体情况\n规章 0\n",
		},
		{
			name:    "text placed by Tm and cm, shown out of order",
			content: "q 1 0 0 1 0 100 cm BT /F2 12 Tf 1 0 0 1 300 600 Tm (7) Tj ET Q BT /F1 12 Tf 1 0 0 1 72 700 Tm " + cidHex(testCIDs, "规章") + " Tj ET",
			want:    "规章 7\n",
		},
		{
			name:    "fake bold: the same text drawn twice, a hair apart",
			content: "BT /F1 12 Tf 72 700 Td " + cidHex(testCIDs, "行政许可") + " Tj ET BT /F1 12 Tf 72.4 700 Td " + cidHex(testCIDs, "行政许可") + " Tj ET",
			want:    "行政许可\n",
		},
		{
			name: "an empty cell between stroked cell borders (fpdf) is a blank",
			content: "0.5 w 60 690 200 20 re S 260 690 60 20 re S 320 690 60 20 re S 380 690 60 20 re S\n" +
				"BT /F1 12 Tf 72 700 Td " + cidHex(testCIDs, "行政许可") + " Tj /F2 12 Tf 200 0 Td (161) Tj 120 0 Td (12209) Tj ET",
			want: "行政许可 161 — 12209\n",
		},
		{
			name: "thin filled borders (Chromium, LibreOffice); a row without a label keeps its leading blanks",
			content: "60 690 0.5 40 re 260 690 0.5 40 re 320 690 0.5 40 re 380 690 0.5 40 re 440 690 0.5 40 re f\n" +
				"BT /F1 12 Tf 72 715 Td " + cidHex(testCIDs, "规章") + " Tj /F2 12 Tf 250 0 Td (1) Tj ET\n" +
				"BT /F2 12 Tf 345 695 Td (3) Tj ET",
			want: "规章 — 1 —\n— 3 —\n",
		},
		{
			name:    "a header line between rules is written as printed",
			content: "60 690 0.5 40 re 260 690 0.5 40 re 320 690 0.5 40 re f BT /F1 12 Tf 72 700 Td " + cidHex(testCIDs, "总体情况") + " Tj ET",
			want:    "总体情况\n",
		},
		{
			name:    "text inside forms, a form drawing itself twice stops at the limits",
			content: "BT /F1 12 Tf 72 700 Td " + cidHex(testCIDs, "一、总体情况") + " Tj ET /X1 Do",
			form:    "BT /F1 12 Tf 72 700 Td " + cidHex(testCIDs, "规章") + " Tj ET /X1 Do /X1 Do",
			want:    "一、总体情况\n" + strings.Repeat("规章\n", maxFormDepth),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractPDF(buildPDFWithForm(tt.content, tt.form, testCIDs, true))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExtractPDFRefusals(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"CID font without ToUnicode", buildPDF("BT /F1 12 Tf 72 700 Td <00010002> Tj ET", testCIDs, false), "ToUnicode"},
		{"no text layer", buildPDF("0 0 100 100 re f", testCIDs, true), "没有文字层"},
		{"not a PDF body", []byte("%PDF-1.7\ngarbage"), "ledongthuc/pdf"},
		{"endless content", buildPDFWithForm(strings.Repeat("/X1 Do ", 300), strings.Repeat("q Q ", 10000), testCIDs, true), "文件过大或结构异常"},
		{"cross-reference /Prev loop", prevLoop(buildPDF("BT /F2 12 Tf (1) Tj ET", testCIDs, true)), "读取量超过上限"},
		{"page tree that holds itself", bytes.Replace(buildPDF("BT /F2 12 Tf (1) Tj ET", testCIDs, true), []byte("/Kids [3 0 R]"), []byte("/Kids [2 0 R]"), 1), "读取量超过上限"},
		{"AES-256 encryption", readExtractFixture(t, "extract_small_aes256.pdf"), "已加密"},
		{"open password", readExtractFixture(t, "extract_small_userpw.pdf"), "已加密"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractPDF(tt.data)
			if err == nil {
				t.Fatalf("got %q, want an error", got)
			}
			if !strings.Contains(err.Error(), "无法从PDF提取文字") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to say 无法从PDF提取文字 and %q", err, tt.want)
			}
		})
	}
}

// TestExtractPDFEncrypted reads PDFs that forbid copying but open without a
// password, as agencies often publish them (made with qpdf from buildPDF's
// output).
func TestExtractPDFEncrypted(t *testing.T) {
	for _, file := range []string{"extract_small_rc4.pdf", "extract_small_aes128.pdf"} {
		t.Run(file, func(t *testing.T) {
			if got, want := extractFixture(t, file), "行政许可 161 +14 12209\n"; got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// prevLoop makes a PDF's cross-reference table name itself as the previous
// one, which sends a reader without cycle checks round for ever.
func prevLoop(pdf []byte) []byte {
	i := bytes.LastIndex(pdf, []byte("startxref\n"))
	off := strings.TrimSpace(string(pdf[i+len("startxref\n"):]))
	off = strings.TrimSuffix(off, "%%EOF")
	off = strings.TrimSpace(off)
	return bytes.Replace(pdf, []byte("/Root 1 0 R >>"), []byte("/Root 1 0 R /Prev "+off+" >>"), 1)
}
