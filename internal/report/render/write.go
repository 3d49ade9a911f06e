package render

import (
	"fmt"
	"github.com/gongkai/gongkai/internal/report"
	"io"
)

// Formats are the output formats Write accepts, in the order a user
// interface lists them.
var Formats = []string{"json", "html", "pdf", "docx", "xlsx"}

// writers maps each format to its renderer and media type.
var writers = map[string]struct {
	write     func(io.Writer, *report.Document) error
	mediaType string
}{
	"json": {JSON, "application/json; charset=utf-8"},
	"html": {HTMLPage, "text/html; charset=utf-8"},
	"pdf":  {PDF, "application/pdf"},
	"docx": {DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	"xlsx": {XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
}

// Write renders the document in the named format, one of Formats; "html"
// is the standalone page.
func Write(w io.Writer, format string, d *report.Document) error {
	wr, ok := writers[format]
	if !ok {
		return fmt.Errorf("render: unknown format %q (want one of %v)", format, Formats)
	}
	return wr.write(w, d)
}

// MediaType returns the Content-Type of a format for HTTP responses, or ""
// for an unknown format. The file extension is the format's name.
func MediaType(format string) string {
	return writers[format].mediaType
}
