package catalog

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/gongkai/gongkai/internal/extract"
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

// TestScanAttachmentText scans the text extracted from a Word attachment.
func TestScanAttachmentText(t *testing.T) {
	text, err := extract.Attachment("名单.docx", docx(t, "申请人身份证号140402198506121232"))
	if err != nil {
		t.Fatal(err)
	}
	found := Scanner{}.Scan("名单.docx", text)
	if len(found) != 1 || found[0].Kind != FindIDNumber {
		t.Fatalf("scan of the DOCX text: %+v", found)
	}
}
