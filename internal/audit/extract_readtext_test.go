package audit

import (
	"encoding/json"
	"testing"
)

// TestExtractThenRead checks the whole path of a published document: the
// HTML, DOCX and PDF versions of 淮安市人民政府's 2024 report read into the
// same canonical report as its text version.
func TestExtractThenRead(t *testing.T) {
	want, err := ReadText("淮安市人民政府_2024.txt", string(readExtractFixture(t, "read_huaian_2024.txt")))
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, err := json.MarshalIndent(want.Report, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{
		"extract_huaian_2024.html",
		"extract_huaian_2024.docx",
		"extract_huaian_2024_libreoffice.pdf",
		"extract_huaian_2024_cairo.pdf",
	} {
		t.Run(file, func(t *testing.T) {
			got, err := ReadText(file, extractFixture(t, file))
			if err != nil {
				t.Fatalf("ReadText: %v", err)
			}
			if got.Agency != want.Agency || got.Year != want.Year || got.Format != want.Format {
				t.Errorf("read %s %d format %s, want %s %d format %s",
					got.Agency, got.Year, got.Format, want.Agency, want.Year, want.Format)
			}
			gotJSON, err := json.MarshalIndent(got.Report, "", " ")
			if err != nil {
				t.Fatal(err)
			}
			if string(gotJSON) != string(wantJSON) {
				t.Errorf("report differs from the text version's:\n%s\nwant:\n%s", gotJSON, wantJSON)
			}
			gotF, _ := json.Marshal(got.Findings)
			wantF, _ := json.Marshal(want.Findings)
			if string(gotF) != string(wantF) {
				t.Errorf("findings %s, want the text version's %s", gotF, wantF)
			}
		})
	}
}
