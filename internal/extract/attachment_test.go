package extract

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// docx returns a minimal Word document with one paragraph.
func docx(t *testing.T, text string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, err := z.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:body></w:document>`))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestAttachment(t *testing.T) {
	x := excelize.NewFile()
	_ = x.SetCellValue("Sheet1", "A1", "姓名")
	_ = x.SetCellValue("Sheet1", "B2", "13800138000")
	var xb bytes.Buffer
	if err := x.Write(&xb); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"名单.docx", docx(t, "申请人身份证号140402198506121232"), "140402198506121232"},
		{"名单.xlsx", xb.Bytes(), "13800138000"},
		{"说明.txt", []byte("纯文本 a@b.cn"), "a@b.cn"},
		{"照片.png", []byte("\x89PNG..."), ""},
	}
	for _, tt := range tests {
		got, err := Attachment(tt.name, tt.data)
		if err != nil || !strings.Contains(got, tt.want) {
			t.Errorf("Attachment(%s) = %q, %v; want it to contain %q", tt.name, got, err, tt.want)
		}
	}
	if _, err := Attachment("坏.xlsx", []byte("PK not a zip")); err == nil {
		t.Error("a broken XLSX was read")
	}
}
