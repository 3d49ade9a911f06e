package render

import (
	"bytes"
	"github.com/gongkai/gongkai/internal/report"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pdfPages counts page objects in an uncompressed PDF object table.
var pdfPages = regexp.MustCompile(`/Type /Page\b[^s]`)

func renderPDF(t *testing.T, d *report.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := PDF(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPDFStructure checks the PDF in Go: header, embedded font, pages.
func TestPDFStructure(t *testing.T) {
	tests := []struct {
		name  string
		doc   *report.Document
		pages int
	}{
		{"seed2020", seedDocument(), 4},
		{"format2021", document2021(), 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := renderPDF(t, tt.doc)
			if !bytes.HasPrefix(b, []byte("%PDF-")) {
				t.Fatalf("output starts with %q, want %%PDF-", b[:min(8, len(b))])
			}
			if !bytes.Contains(b, []byte("/FontFile2")) {
				t.Error("no embedded TrueType font (/FontFile2)")
			}
			if n := len(pdfPages.FindAll(b, -1)); n != tt.pages {
				t.Errorf("%d pages, want %d", n, tt.pages)
			}
			if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
				t.Error("no end-of-file trailer")
			}
		})
	}
}

// TestPDFText reads the PDF back with pdftotext (poppler-utils).
func TestPDFText(t *testing.T) {
	pdftotext := requireTool(t, "pdftotext", "poppler-utils")
	tests := []struct {
		name string
		doc  *report.Document
		want []string
	}{
		{"seed2020", seedDocument(), []string{
			"长治市行政审批服务管理局", "2020年政府信息公开工作年度报告",
			"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
			"四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
			"第二十条第（五）项", "12209", "+14", "-3", "44.2", "法人或其他组织", "申请人情况",
			"未经复议直接起诉", "复议后起诉", "图一 网站各栏目发布信息数量", "推进“放管服效”改革",
			"2020年12月31日",
		}},
		{"format2021", document2021(), []string{
			"本年制发件数", "96171.6", "447228", "申请人无正当理由逾期不补正", "第2版", "（四）平台建设",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "r.pdf")
			if err := os.WriteFile(path, renderPDF(t, tt.doc), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(pdftotext, "-raw", path, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			// Lines joined: a label may wrap anywhere inside its cell.
			text := strings.NewReplacer(" ", "", "\n", "").Replace(string(out))
			for _, w := range tt.want {
				if !strings.Contains(text, strings.ReplaceAll(w, " ", "")) {
					t.Errorf("PDF text lacks %q", w)
				}
			}
			if strings.ContainsRune(text, '\uFFFD') {
				t.Error("PDF text has replacement characters")
			}
		})
	}
}

// TestPDFFontsEmbedded asks pdffonts whether every font is embedded.
func TestPDFFontsEmbedded(t *testing.T) {
	pdffonts := requireTool(t, "pdffonts", "poppler-utils")
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, renderPDF(t, seedDocument()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdffonts, path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", out)
	}
	for _, l := range lines[2:] {
		if f := strings.Fields(l); len(f) < 4 || !strings.Contains(l, " yes ") {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

// TestPDFLongTableBreaksPages draws a table taller than a page with a
// merged cell across the break: header rows repeat, the cell continues.
func TestPDFLongTableBreaksPages(t *testing.T) {
	b := &tableBuilder{t: Table{ID: "long", Cols: 2, Widths: []float64{1, 1}}}
	b.next(true, false)
	b.add(Cell{Text: "表头", ColSpan: 2, Header: true, Scope: "col"})
	for i := 0; i < 60; i++ {
		b.next(false, i == 0)
		if i == 0 {
			b.add(Cell{Text: "跨页合并", RowSpan: 60, Header: true, Scope: "rowgroup"})
		}
		b.add(Cell{Text: "数值", Key: "k", Col: 1})
	}
	p := newPDF(seedDocument())
	p.table(b.t)
	if n := p.f.PageCount(); n != 2 {
		t.Errorf("%d pages, want 2", n)
	}
	var buf bytes.Buffer
	if err := p.f.Output(&buf); err != nil {
		t.Fatal(err)
	}
}

func TestMissingGlyphs(t *testing.T) {
	for name, d := range documents() {
		got, err := MissingGlyphs(d)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("%s: the font lacks %q", name, string(got))
		}
	}
	d := seedDocument()
	d.Other = append(d.Other, report.Section{Paragraphs: []string{"生僻字\U0002A6A5"}})
	got, err := MissingGlyphs(d)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "\U0002A6A5" {
		t.Errorf("MissingGlyphs = %q, want the extension-B character", string(got))
	}
}
