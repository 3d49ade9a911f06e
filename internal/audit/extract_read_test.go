package audit

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai/internal/extract"
)

// TestExtractThenRead checks the whole path of a published document: the
// HTML, DOCX and PDF versions of two reports, one per official format, read
// into the same result as their text versions: agency, year, format,
// publication date, canonical report and findings.
func TestExtractThenRead(t *testing.T) {
	tests := []struct {
		text string   // the text version, as ReadText's own tests read it
		docs []string // the same report published in other kinds
	}{
		{"read_huaian_2024.txt", []string{
			"extract_huaian_2024.html",
			"extract_huaian_2024.docx",
			"extract_huaian_2024_libreoffice.pdf",
			"extract_huaian_2024_cairo.pdf",
		}},
		{"read_seed_changzhi_2020.txt", []string{
			"extract_changzhi_2020_gb2312.html",
			"extract_changzhi_2020.docx",
			"extract_changzhi_2020.pdf",
		}},
	}
	for _, tt := range tests {
		want, err := ReadText(tt.text, readFile(t, tt.text))
		if err != nil {
			t.Fatal(err)
		}
		want.File = ""
		// The changzhi documents abridge parts 一 and 五; the prose is
		// compared where it is the same (huaian).
		prose := want.Prose
		wantJSON := resultJSON(t, want)
		for _, doc := range tt.docs {
			t.Run(doc, func(t *testing.T) {
				got, err := ReadText(doc, extractFixture(t, doc))
				if err != nil {
					t.Fatalf("ReadText: %v", err)
				}
				got.File = ""
				if tt.text == "read_seed_changzhi_2020.txt" {
					got.Prose = prose
				}
				if gotJSON := resultJSON(t, got); gotJSON != wantJSON {
					t.Errorf("result differs from the text version's:\n%s\nwant:\n%s", gotJSON, wantJSON)
				}
			})
		}
	}
}

func resultJSON(t *testing.T, r *Result) string {
	t.Helper()
	b, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// extractFixture returns the text of a document in the extract package's
// fixtures, as Read extracts it.
func extractFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "extract", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	text, err := extract.Document(name, data)
	if err != nil {
		t.Fatalf("extract.Document(%s): %v", name, err)
	}
	return text
}

// readDocument reads a document of any kind as the sandbox child does:
// its text by extract.Document, then ReadText.
func readDocument(name string, data []byte) (*Result, error) {
	text, err := extract.Document(name, data)
	if err != nil {
		return nil, err
	}
	return ReadText(name, text)
}
