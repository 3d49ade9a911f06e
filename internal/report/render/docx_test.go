package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"github.com/gongkai/gongkai/internal/report"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// wordDoc is the part of WordprocessingML the tests read back.
type wordDoc struct {
	Tables []struct {
		Grid []struct {
			W int `xml:"w,attr"`
		} `xml:"tblGrid>gridCol"`
		Rows []struct {
			Header *struct{} `xml:"trPr>tblHeader"`
			Cells  []struct {
				Span *struct {
					Val int `xml:"val,attr"`
				} `xml:"tcPr>gridSpan"`
				VMerge *struct {
					Val string `xml:"val,attr"`
				} `xml:"tcPr>vMerge"`
				Texts []string `xml:"p>r>t"`
			} `xml:"tc"`
		} `xml:"tr"`
	} `xml:"body>tbl"`
}

// wordCell is a read-back table cell at its grid position.
type wordCell struct {
	col, span int
	vmerge    string // "", "restart" or "continue"
	text      string
}

func readDOCX(t *testing.T, b []byte) (map[string][]byte, [][][]wordCell) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = data
	}
	for name, data := range parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			if err := xml.Unmarshal(data, new(struct{})); err != nil {
				t.Errorf("%s is not well-formed XML: %v", name, err)
			}
		}
	}
	var doc wordDoc
	if err := xml.Unmarshal(parts["word/document.xml"], &doc); err != nil {
		t.Fatalf("document.xml: %v", err)
	}
	var tables [][][]wordCell
	for ti, tb := range doc.Tables {
		var rows [][]wordCell
		for ri, r := range tb.Rows {
			var cells []wordCell
			col := 0
			for _, c := range r.Cells {
				wc := wordCell{col: col, span: 1, text: strings.Join(c.Texts, "")}
				if c.Span != nil {
					wc.span = c.Span.Val
				}
				if c.VMerge != nil {
					wc.vmerge = "continue"
					if c.VMerge.Val == "restart" {
						wc.vmerge = "restart"
					}
				}
				cells = append(cells, wc)
				col += wc.span
			}
			if col != len(tb.Grid) {
				t.Errorf("table %d row %d spans %d grid columns, want %d", ti, ri, col, len(tb.Grid))
			}
			rows = append(rows, cells)
		}
		tables = append(tables, rows)
	}
	return parts, tables
}

func renderDOCX(t *testing.T, d *report.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := DOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// findWordCell returns the row and cell holding text.
func findWordCell(t *testing.T, rows [][]wordCell, text string) (int, wordCell) {
	t.Helper()
	for i, r := range rows {
		for _, c := range r {
			if c.text == text {
				return i, c
			}
		}
	}
	t.Fatalf("no cell %q", text)
	return 0, wordCell{}
}

// continued counts the continuation cells below row at grid column col.
func continued(rows [][]wordCell, row, col int) int {
	n := 0
	for _, r := range rows[row+1:] {
		found := false
		for _, c := range r {
			if c.col == col && c.vmerge == "continue" {
				found = true
			}
		}
		if !found {
			break
		}
		n++
	}
	return n
}

func TestDOCXTables(t *testing.T) {
	tests := []struct {
		doc            string
		table          int
		text           string
		col, span, ext int // ext: rows merged below
	}{
		{"seed2020", 1, applicationsNote, 0, 3, 2},
		{"seed2020", 1, "申请人情况", 3, 7, 0},
		{"seed2020", 1, "法人或其他组织", 4, 5, 0},
		{"seed2020", 1, "自然人", 3, 1, 1},
		{"seed2020", 1, "三、本年度办理结果", 0, 1, 19},
		{"format2021", 1, "三、本年度办理结果", 0, 1, 21},
		{"seed2020", 1, "（三）不予公开", 1, 1, 7},
		{"format2021", 1, "（六）其他处理", 1, 1, 2},
		{"seed2020", 2, "行政诉讼", 5, 10, 0},
		{"seed2020", 2, "结果维持", 0, 1, 1},
		{"seed2020", 0, "第二十条第（九）项", 0, 4, 0},
		{"seed2020", 0, "44.2", 2, 2, 0},
	}
	docs := documents()
	read := map[string][][][]wordCell{}
	for name, d := range docs {
		_, read[name] = readDOCX(t, renderDOCX(t, d))
		if len(read[name]) != 3 {
			t.Fatalf("%s: %d tables, want 3", name, len(read[name]))
		}
	}
	for _, tt := range tests {
		t.Run(tt.doc+"/"+tt.text, func(t *testing.T) {
			rows := read[tt.doc][tt.table]
			i, c := findWordCell(t, rows, tt.text)
			if c.col != tt.col || c.span != tt.span {
				t.Errorf("at column %d spanning %d, want %d spanning %d", c.col, c.span, tt.col, tt.span)
			}
			if n := continued(rows, i, c.col); n != tt.ext {
				t.Errorf("merged with %d rows below, want %d", n, tt.ext)
			}
			if tt.ext > 0 && c.vmerge != "restart" {
				t.Errorf("vMerge = %q, want restart", c.vmerge)
			}
		})
	}
	i, _ := findWordCell(t, read["seed2020"][1], "一、本年新收政府信息公开申请数量")
	var got []string
	for _, c := range read["seed2020"][1][i][1:] {
		got = append(got, c.text)
	}
	if strings.Join(got, ",") != "2,0,0,0,0,0,2" {
		t.Errorf("received row = %v, want 2,0,0,0,0,0,2", got)
	}
}

func TestDOCXPackage(t *testing.T) {
	b := renderDOCX(t, seedDocument())
	parts, _ := readDOCX(t, b)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "word/media/chart1.png", "word/media/chart2.png"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("package lacks %s", name)
		}
	}
	img, err := png.Decode(bytes.NewReader(parts["word/media/chart1.png"]))
	if err != nil {
		t.Fatalf("chart1.png: %v", err)
	}
	if w := img.Bounds().Dx(); w != pngWidth {
		t.Errorf("chart width %d, want %d", w, pngWidth)
	}
	doc := string(parts["word/document.xml"])
	for _, want := range []string{`descr="图一 网站各栏目发布信息数量：公开规定 96条`, "<w:tblHeader/>", "长治市行政审批服务管理局", "2020年政府信息公开工作年度报告", "2020年12月31日"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
	if !bytes.Equal(b, renderDOCX(t, seedDocument())) {
		t.Error("two renderings of one document differ")
	}
	checkGolden(t, "seed2020.document.xml.golden", parts["word/document.xml"])
}

// TestDOCXConvertsWithLibreOffice converts the DOCX to PDF with
// LibreOffice (libreoffice-writer-nogui) and reads the text back.
func TestDOCXConvertsWithLibreOffice(t *testing.T) {
	soffice := requireTool(t, "soffice", "libreoffice-writer-nogui")
	pdftotext := requireTool(t, "pdftotext", "poppler-utils")
	if testing.Short() {
		t.Skip("SKIPPED in -short mode: LibreOffice conversion takes seconds")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "report.docx")
	if err := os.WriteFile(in, renderDOCX(t, document2021()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-raw", filepath.Join(dir, "report.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("LibreOffice wrote no readable PDF: %v", err)
	}
	text := strings.ReplaceAll(string(out), " ", "")
	for _, want := range []string{"2024年政府信息公开工作年度报告", "法人或其他组织", "未经复议直接起诉", "96171.6", "第2版"} {
		if !strings.Contains(text, want) {
			t.Errorf("converted PDF lacks %q", want)
		}
	}
}
