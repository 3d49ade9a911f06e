package render

import (
	"fmt"
	"io"
)

// Formats are the output formats Write accepts, in the order a user
// interface lists them.
var Formats = []string{"json", "html"}

// Write renders the document in the named format ("json", "html" …, see
// Formats); "html" is the standalone page.
func Write(w io.Writer, format string, d *Document) error {
	switch format {
	case "json":
		return JSON(w, d)
	case "html":
		return HTMLPage(w, d)
	}
	return fmt.Errorf("render: unknown format %q (want one of %v)", format, Formats)
}
