package extract

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// ErrUnsupported is returned by Extract for a document it cannot read; its
// message is shown to users as is.
var ErrUnsupported = errors.New("不支持的文件类型")

// maxDocument is the largest document Extract reads; published reports are a
// few megabytes.
const maxDocument = 64 << 20

// docKind is a document kind Extract can read.
type docKind string

const (
	docText docKind = "text"
	docHTML docKind = "html"
	docDOCX docKind = "docx"
	docPDF  docKind = "pdf"
)

// Extract returns the text of a published report in the shape ReadText
// reads: one line per paragraph or heading, and one line per table row with
// the row's labels followed by its figures. The kind of document is sniffed
// from its content (PDF, DOCX, HTML, plain text) and, when the content does
// not tell, taken from the extension of name.
func Document(name string, data []byte) (string, error) {
	if len(data) > maxDocument {
		return "", fmt.Errorf("extract: %s: %w", name, overLimit("文件超过 %s", mb(maxDocument)))
	}
	k, err := sniffKind(name, data)
	if err != nil {
		return "", fmt.Errorf("extract: %s: %w", name, err)
	}
	var text string
	switch k {
	case docPDF:
		text, err = extractPDF(data)
	case docDOCX:
		text, err = extractDOCX(data)
	case docHTML:
		text, err = extractHTML(data)
	default:
		text, err = extractText(data)
	}
	if err == nil && len(text) > maxText {
		err = overLimit("文字超过 %s", mb(maxText))
	}
	if err != nil {
		return "", fmt.Errorf("extract: %s (%s): %w", name, k, err)
	}
	return text, nil
}

// sniffKind tells the kind of a document from its first bytes, then from its
// extension.
func sniffKind(name string, data []byte) (docKind, error) {
	head := data[:min(len(data), 1024)]
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return docPDF, nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if ext == ".docx" || bytes.Contains(data, []byte("word/document.xml")) {
			return docDOCX, nil
		}
		return "", fmt.Errorf("%w：ZIP 压缩包不是 Word 文档（.docx）", ErrUnsupported)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")):
		return "", fmt.Errorf("%w：旧版 Office 文档（.doc/.xls），请另存为 .docx 或 PDF", ErrUnsupported)
	case looksLikeHTML(head):
		return docHTML, nil
	}
	switch ext {
	case ".pdf":
		return docPDF, nil
	case ".docx":
		return docDOCX, nil
	case ".html", ".htm", ".shtml", ".xhtml":
		return docHTML, nil
	case ".txt", ".text":
		return docText, nil
	}
	if ext == "" && (isPlainText(data) || hasUTF16BOM(data)) {
		return docText, nil
	}
	return "", fmt.Errorf("%w：%s", ErrUnsupported, filepath.Base(name))
}

// looksLikeHTML reports whether the start of a document is HTML markup.
func looksLikeHTML(head []byte) bool {
	s := strings.ToLower(string(bytes.TrimLeft(bytes.TrimPrefix(head, bomUTF8), " \t\r\n")))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<div", "<p>", "<p ", "<h1", "<!--"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// isPlainText reports whether data is UTF-8 text without control bytes.
func isPlainText(data []byte) bool {
	data = bytes.TrimPrefix(data, bomUTF8)
	if !utf8.Valid(data) {
		return false
	}
	for _, b := range data {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			return false
		}
	}
	return true
}

// Attachment returns the text of a catalog attachment for search and the
// privacy scan: XLSX row by row, images none, and every other kind as
// Document reads it.
func Attachment(name string, data []byte) (string, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx":
		if len(data) > maxDocument {
			return "", fmt.Errorf("extract: %s: %w", name, overLimit("文件超过 %s", mb(maxDocument)))
		}
		text, err := extractXLSX(data)
		if err != nil {
			return "", fmt.Errorf("extract: %s (xlsx): %w", name, err)
		}
		return text, nil
	case ".png", ".jpg", ".jpeg":
		return "", nil
	}
	return Document(name, data)
}
