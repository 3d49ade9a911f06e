// Package filetype tells what an uploaded file is by its content — magic
// bytes and structure — rather than by its name, so that an executable
// renamed report.pdf is refused instead of published as a PDF. Every upload
// path (catalog attachments and import, the application form and its
// 补正, the auditor page) checks files with Check.
package filetype

import (
	"archive/zip"
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/errs"
)

// Kind is a file format an upload may be.
type Kind string

// The formats uploads are checked against.
const (
	PDF  Kind = "pdf"
	DOCX Kind = "docx"
	XLSX Kind = "xlsx"
	PNG  Kind = "png"
	JPEG Kind = "jpeg"
	TXT  Kind = "txt"  // UTF-8 text without NUL
	CSV  Kind = "csv"  // UTF-8 text without NUL
	HTML Kind = "html" // a web page, in any ASCII-compatible encoding
	// Text is plain text in UTF-8, GB18030 or UTF-16 with a byte-order
	// mark: what the auditor reads from a published report saved as text.
	Text Kind = "text"
)

var kinds = map[Kind]struct{ mime, label string }{
	PDF:  {"application/pdf", "PDF"},
	DOCX: {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word（DOCX）"},
	XLSX: {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel（XLSX）"},
	PNG:  {"image/png", "PNG"},
	JPEG: {"image/jpeg", "JPEG"},
	TXT:  {"text/plain; charset=utf-8", "文本（TXT）"},
	CSV:  {"text/csv; charset=utf-8", "CSV"},
	HTML: {"text/html", "网页（HTML）"},
	Text: {"text/plain", "文本（TXT）"},
}

// byExt maps a lower-case file extension to the kind the name claims.
var byExt = map[string]Kind{
	".pdf": PDF, ".docx": DOCX, ".xlsx": XLSX, ".png": PNG, ".jpg": JPEG, ".jpeg": JPEG,
	".txt": TXT, ".text": TXT, ".csv": CSV, ".html": HTML, ".htm": HTML, ".shtml": HTML, ".xhtml": HTML,
}

// MIME is the content type a file of kind k is served with.
func (k Kind) MIME() string { return kinds[k].mime }

// Label names kind k for a Chinese message.
func (k Kind) Label() string { return kinds[k].label }

// Check tells which of the accepted kinds data is. The name's extension
// says what the file claims to be: a claim outside accept, or content that
// does not match the claim, is refused with an errs.ErrInvalid naming the
// file. A name without a known extension is judged by content alone. A
// plain-text claim (.txt) is met by Text when Text is accepted.
func Check(name string, data []byte, accept ...Kind) (Kind, error) {
	base := filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	claim, named := byExt[strings.ToLower(filepath.Ext(base))]
	if named && claim == TXT && !slices.Contains(accept, TXT) && slices.Contains(accept, Text) {
		claim = Text
	}
	switch {
	case named && !slices.Contains(accept, claim):
		return "", errs.Invalid("文件“%s”的类型不在允许之列：只接受 %s 文件", base, labels(accept))
	case named && !Is(claim, data):
		return "", errs.Invalid("文件“%s”的内容不是 %s 文件（名称与内容不符），已拒收", base, claim.Label())
	case named:
		return claim, nil
	}
	for _, k := range accept {
		if Is(k, data) {
			return k, nil
		}
	}
	return "", errs.Invalid("文件“%s”不是 %s 文件，已拒收", base, labels(accept))
}

// Is reports whether data has the signature and structure of kind k.
func Is(k Kind, data []byte) bool {
	switch k {
	case PDF:
		return bytes.HasPrefix(data, []byte("%PDF-"))
	case PNG:
		return bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n"))
	case JPEG:
		return bytes.HasPrefix(data, []byte("\xFF\xD8\xFF"))
	case DOCX:
		return zipHolds(data, "word/document.xml")
	case XLSX:
		return zipHolds(data, "xl/workbook.xml")
	case TXT, CSV:
		return utf8.Valid(data) && bytes.IndexByte(data, 0) < 0
	case Text:
		return hasUTF16BOM(data) || (len(data) > 0 && !hasControl(data))
	case HTML:
		return !hasControl(data) && looksLikeHTML(data)
	}
	return false
}

// zipHolds reports whether data is a ZIP archive with the named member.
func zipHolds(data []byte, member string) bool {
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return false
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == member {
			return true
		}
	}
	return false
}

// hasControl reports whether data holds a NUL or another control byte
// that no text file has (tab, line breaks and form feed are text).
func hasControl(data []byte) bool {
	for _, b := range data {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b {
			return true
		}
	}
	return false
}

func hasUTF16BOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF"))
}

// looksLikeHTML reports whether the start of data is HTML markup.
func looksLikeHTML(data []byte) bool {
	head := data[:min(len(data), 1024)]
	s := strings.ToLower(string(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<div", "<p>", "<p ", "<h1", "<!--", "<?xml"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// labels lists kinds for a message: "PDF、JPEG 或 PNG".
func labels(list []Kind) string {
	var out []string
	for _, k := range list {
		if l := k.Label(); !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	if len(out) < 2 {
		return strings.Join(out, "")
	}
	return strings.Join(out[:len(out)-1], "、") + " 或 " + out[len(out)-1]
}
