package extract

import (
	"archive/zip"
	"bytes"
	"fmt"
	"testing"
	"time"
)

// Run the fuzzers with -fuzzminimizetime 0: minimising an input found
// interesting in the 40–190 KB report fixtures takes the whole -fuzztime.

// fuzzDeadline is how long one input may take. A reader that loops on
// hostile input crashes the fuzz worker, which saves the input, instead of
// hanging the auditor.
const fuzzDeadline = 5 * time.Second

// watchFuzz fails loudly when the returned stop is not called in time.
func watchFuzz(n int) (stop func()) {
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-time.After(fuzzDeadline):
			panic(fmt.Sprintf("a %d-byte input took more than %v", n, fuzzDeadline))
		}
	}()
	return func() { close(done) }
}

func FuzzExtractHTML(f *testing.F) {
	f.Add(readExtractFixture(f, "extract_huaian_2024.html"))
	f.Add([]byte(`<table><tr><td rowspan="9999" colspan="9999">x</td><td>1</td></tr><tr><td>2</td></tr></table>`))
	f.Add([]byte("<meta charset=\"encodeGBK\"><p>\xb9\xe6\xd5\xc2 1</p><table><tr><td><table><tr><td>3"))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer watchFuzz(len(data))()
		_, _ = Document("fuzz.html", data)
	})
}

func FuzzExtractDOCX(f *testing.F) {
	f.Add(readExtractFixture(f, "extract_huaian_2024.docx"))
	f.Add(docxOf(f, `<w:document><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer watchFuzz(len(data))()
		_, _ = Document("fuzz.docx", data)
		// The fuzzer rarely gets a valid zip; read the bytes as
		// document.xml too.
		_, _ = docxLines(bytes.NewReader(data))
	})
}

func FuzzExtractPDF(f *testing.F) {
	f.Add(readExtractFixture(f, "extract_huaian_2024_cairo.pdf"))
	f.Add(readExtractFixture(f, "extract_small_rc4.pdf"))
	f.Add(readExtractFixture(f, "extract_small_aes128.pdf"))
	f.Add(buildPDF("BT /F1 12 Tf 72 700 Td "+cidHex(testCIDs, "行政许可")+" Tj /F2 12 Tf 200 0 Td [(16) -50 (1)] TJ 0 -20 TD (+14) ' ET", testCIDs, true))
	f.Add(buildPDF("q 2 0 0 2 0 0 cm BT /F1 9 Tf 150 Tz 3 Tc 1 Tw 5 Ts 12 TL T* "+cidHex(testCIDs, "规章")+" Tj 1 2 (x) \" ET Q", testCIDs, true))
	f.Add(buildPDF("BT /F1 12 Tf <0001> Tj ET", testCIDs, false))
	f.Add(buildPDF("60 690 0.5 40 re 260 690 0.5 40 re f 0 0 m 0 50 l S 320 690 60 20 re S BT /F1 12 Tf 72 700 Td "+cidHex(testCIDs, "规章")+" Tj /F2 12 Tf 250 0 Td (1) Tj ET", testCIDs, true))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer watchFuzz(len(data))()
		_, _ = Document("fuzz.pdf", data)
	})
}

// docxOf zips a document.xml into a minimal DOCX.
func docxOf(t testing.TB, documentXML string) []byte {
	return docxOfFile(t, "word/document.xml", documentXML)
}

// docxOfFile zips one file into an archive.
func docxOfFile(t testing.TB, name, content string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(content)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
