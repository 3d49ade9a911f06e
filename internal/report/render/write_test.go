package render

import (
	"bytes"
	"testing"
)

// TestWriteDispatches checks each format's first bytes through Write.
func TestWriteDispatches(t *testing.T) {
	magic := map[string]string{"json": "{", "html": "<!DOCTYPE html>", "pdf": "%PDF-", "docx": "PK", "xlsx": "PK"}
	for _, f := range Formats {
		t.Run(f, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, f, seedDocument()); err != nil {
				t.Fatal(err)
			}
			want, ok := magic[f]
			if !ok {
				t.Fatalf("no expected magic for format %q", f)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte(want)) {
				t.Errorf("output starts %q, want %q", buf.Bytes()[:min(16, buf.Len())], want)
			}
			if MediaType(f) == "" {
				t.Error("no media type")
			}
		})
	}
	if err := Write(&bytes.Buffer{}, "odt", seedDocument()); err == nil {
		t.Error("Write accepted an unknown format")
	}
}
