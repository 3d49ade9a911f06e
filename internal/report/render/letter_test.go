package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os/exec"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func testLetter() *Letter {
	return &Letter{Agency: "长治市行政审批服务管理局", Number: "长审批依申请〔2026〕3号", Title: "政府信息公开申请答复书",
		Addressee: "张三", Paragraphs: []string{"本机关于2026年3月2日收到您的政府信息公开申请。", "如对本答复不服，可以在收到本答复之日起60日内申请行政复议。"},
		Date: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)}
}

func TestLetterDOCX(t *testing.T) {
	var buf bytes.Buffer
	if err := LetterDOCX(&buf, testLetter()); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var doc, core string
	for _, f := range z.File {
		r, _ := f.Open()
		b, _ := io.ReadAll(r)
		switch f.Name {
		case "word/document.xml":
			doc = string(b)
		case "docProps/core.xml":
			core = string(b)
		}
	}
	for _, want := range []string{"长审批依申请〔2026〕3号", "张三：", "60日内", "2026年3月10日"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
	if !strings.Contains(core, "政府信息公开申请答复书") || strings.Contains(core, "年度报告") {
		t.Errorf("core title wrong: %s", core)
	}
}

func TestLetterPDF(t *testing.T) {
	var buf bytes.Buffer
	if err := LetterPDF(&buf, testLetter()); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = &buf
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	for _, want := range []string{"长治市行政审批服务管理局", "政府信息公开申请答复书", "张三：", "2026年3月10日"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
}

// longLetter has paragraphs long enough for full lines, with punctuation
// where a naive break would start a line with it.
func longLetter() *Letter {
	l := testLetter()
	l.Paragraphs = append(l.Paragraphs,
		"经审查，您申请获取的政府信息属于可以公开的政府信息，本机关予以公开。理由：该方案由本机关制作并保存，现随本答复书向您提供电子文件一份，请查收。",
		"根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，特此答复。如对本答复不服，可以自收到本答复之日起六十日内向长治市人民政府申请行政复议。",
		"您申请获取：“2025年本市义务教育阶段学校划片方案（含城区和郊区）”。本机关已于收到申请之日起二十个工作日内作出答复。")
	return l
}

// TestLetterPDFLayout measures the PDF with pdftotext: the 版心 starts
// 28 mm from the left edge, a full line is 156 mm wide (GB/T 9704), and no
// line begins with closing punctuation (禁则).
func TestLetterPDFLayout(t *testing.T) {
	for _, tool := range []string{"pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s (poppler-utils) not installed", tool)
		}
	}
	var buf bytes.Buffer
	if err := LetterPDF(&buf, longLetter()); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("pdftotext", "-bbox", "-", "-")
	cmd.Stdin = bytes.NewReader(buf.Bytes())
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	// Words by line (yMin in points), each line's extent.
	type extent struct{ min, max float64 }
	lines := map[int]*extent{}
	dec := xml.NewDecoder(bytes.NewReader(out))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "word" {
			continue
		}
		var x0, x1, y float64
		for _, a := range se.Attr {
			var v float64
			if _, err := fmt.Sscan(a.Value, &v); err != nil {
				continue
			}
			switch a.Name.Local {
			case "xMin":
				x0 = v
			case "xMax":
				x1 = v
			case "yMin":
				y = v
			}
		}
		k := int(math.Round(y))
		if e := lines[k]; e == nil {
			lines[k] = &extent{x0, x1}
		} else {
			e.min, e.max = math.Min(e.min, x0), math.Max(e.max, x1)
		}
	}
	const mm = 72 / 25.4
	left, widest := math.Inf(1), 0.0
	for _, e := range lines {
		left = math.Min(left, e.min/mm)
		widest = math.Max(widest, (e.max-e.min)/mm)
	}
	t.Logf("left %.2f mm, widest line %.2f mm", left, widest)
	if math.Abs(left-28) > 1 {
		t.Errorf("left margin %.1f mm, want 28 ± 1", left)
	}
	if math.Abs(widest-156) > 1 {
		t.Errorf("widest line %.1f mm, want 156 ± 1", widest)
	}

	cmd = exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(buf.Bytes())
	if out, err = cmd.Output(); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		line = strings.TrimSpace(line)
		if r, _ := utf8.DecodeRuneInString(line); line != "" && strings.ContainsRune(closing, r) {
			t.Errorf("line begins with closing punctuation: %q", line)
		}
	}
}
