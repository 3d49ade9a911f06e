package filetype

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/errs"
)

// zipWith is a ZIP archive holding the named empty members.
func zipWith(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		if _, err := zw.Create(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCheck(t *testing.T) {
	exe := []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00This program cannot be run in DOS mode.")
	docx := zipWith(t, "[Content_Types].xml", "word/document.xml")
	xlsx := zipWith(t, "[Content_Types].xml", "xl/workbook.xml")
	attach := []Kind{PDF, DOCX, XLSX, PNG, JPEG, TXT}
	tests := []struct {
		name   string
		file   string
		data   []byte
		accept []Kind
		want   Kind   // "" means refused
		msg    string // part of the refusal
	}{
		{"pdf", "报告.pdf", []byte("%PDF-1.7\n..."), attach, PDF, ""},
		{"exe renamed pdf", "报告.pdf", exe, attach, "", "内容不是 PDF 文件"},
		{"pdf marker not at start", "a.pdf", []byte("MZ....%PDF-1.4"), attach, "", "名称与内容不符"},
		{"docx", "通知.DOCX", docx, attach, DOCX, ""},
		{"xlsx named docx", "通知.docx", xlsx, attach, "", "内容不是 Word（DOCX） 文件"},
		{"xlsx", "表.xlsx", xlsx, attach, XLSX, ""},
		{"zip without workbook", "表.xlsx", zipWith(t, "a.txt"), attach, "", "名称与内容不符"},
		{"broken zip", "表.xlsx", []byte("PK\x03\x04garbage"), attach, "", "名称与内容不符"},
		{"png", "图.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), attach, PNG, ""},
		{"jpeg as jpg", "图.jpg", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF"), attach, JPEG, ""},
		{"png named jpg", "图.jpg", []byte("\x89PNG\r\n\x1a\n"), attach, "", "内容不是 JPEG 文件"},
		{"utf-8 text", "说明.txt", []byte("\ufeff政府信息公开\r\n"), attach, TXT, ""},
		{"text with nul", "说明.txt", []byte("abc\x00def"), attach, "", "名称与内容不符"},
		{"gbk text as txt", "说明.txt", []byte("\xD5\xFE\xB8\xAE"), attach, "", "名称与内容不符"},
		{"exe not accepted", "setup.exe", exe, attach, "", "不是 PDF、Word（DOCX）、Excel（XLSX）、PNG、JPEG 或 文本（TXT） 文件"},
		{"kind not accepted", "a.docx", docx, []Kind{PDF, PNG, JPEG}, "", "只接受 PDF、PNG 或 JPEG 文件"},
		{"no extension, pdf content", "scan", []byte("%PDF-1.4"), []Kind{PDF, PNG, JPEG}, PDF, ""},
		{"no extension, exe", "scan", exe, []Kind{PDF, PNG, JPEG}, "", "已拒收"},
		{"csv", "目录.csv", []byte("标题,成文日期\n"), []Kind{CSV, XLSX}, CSV, ""},
		{"csv not utf-8", "目录.csv", []byte("\xB1\xEA\xCC\xE2"), []Kind{CSV, XLSX}, "", "内容不是 CSV 文件"},
		{"html", "年报.html", []byte("<!DOCTYPE html><html>"), []Kind{PDF, DOCX, HTML, Text}, HTML, ""},
		{"gbk html", "年报.htm", []byte("<html><meta charset=gbk>\xD5\xFE"), []Kind{PDF, DOCX, HTML, Text}, HTML, ""},
		{"exe named html", "年报.html", exe, []Kind{PDF, DOCX, HTML, Text}, "", "内容不是 网页（HTML） 文件"},
		{"gbk text for the auditor", "年报.txt", []byte("\xD5\xFE\xB8\xAE"), []Kind{PDF, DOCX, HTML, Text}, Text, ""},
		{"utf-16 text for the auditor", "年报.txt", []byte("\xFF\xFE\x3f\x00"), []Kind{PDF, DOCX, HTML, Text}, Text, ""},
		{"exe named txt for the auditor", "年报.txt", exe, []Kind{PDF, DOCX, HTML, Text}, "", "名称与内容不符"},
		{"windows path", `C:\a\报告.pdf`, exe, attach, "", "“报告.pdf”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Check(tt.file, tt.data, tt.accept...)
			if got != tt.want {
				t.Fatalf("Check(%q) = %q, %v; want %q", tt.file, got, err, tt.want)
			}
			if tt.want != "" {
				if err != nil {
					t.Fatalf("Check(%q): %v", tt.file, err)
				}
				return
			}
			if !errors.Is(err, errs.ErrInvalid) {
				t.Fatalf("Check(%q) error %v is not ErrInvalid", tt.file, err)
			}
			if !strings.Contains(errs.Message(err), tt.msg) {
				t.Errorf("Check(%q) message %q lacks %q", tt.file, errs.Message(err), tt.msg)
			}
		})
	}
}

func TestKindMIME(t *testing.T) {
	for k := range kinds {
		if k.MIME() == "" || k.Label() == "" {
			t.Errorf("kind %q has no MIME type or label", k)
		}
	}
	for ext, k := range byExt {
		if _, ok := kinds[k]; !ok {
			t.Errorf("extension %s maps to unknown kind %q", ext, k)
		}
	}
}

func FuzzCheck(f *testing.F) {
	f.Add("a.pdf", []byte("%PDF-1.4"))
	f.Add("a.docx", []byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		k, err := Check(name, data, PDF, DOCX, XLSX, PNG, JPEG, TXT, CSV, HTML, Text)
		if (k == "") == (err == nil) {
			t.Fatalf("Check(%q) = %q, %v", name, k, err)
		}
		if k != "" && !Is(k, data) {
			t.Fatalf("Check(%q) = %q but the content is not one", name, k)
		}
	})
}
