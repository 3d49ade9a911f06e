package render

import (
	"archive/zip"
	"bytes"
	"io"
	"os/exec"
	"strings"
	"testing"
	"time"
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
