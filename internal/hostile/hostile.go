// Package hostile makes the corpus of hostile documents that the readers
// and the sandbox are tested against: small files (tens to hundreds of
// kilobytes) that inflate to far more, or whose structure costs a naive
// reader its memory or its time. Every file is made here, deterministically,
// and kept in testdata/ beside this file (go test ./internal/hostile -update
// writes them again), so the same bytes reach every entry point: the
// catalog's attachments and import, the auditor page and `gongkai audit`.
package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"fmt"
	"io"
	"slices"
	"strings"
)

// File is one hostile document.
type File struct {
	// Name is the file name; its extension is the kind it claims to be.
	Name string
	// What says in a few words what it does to a naive reader.
	What string
	// Make returns the document; each call makes it anew (tens of MB
	// pass through memory), so tests read the copy in testdata instead.
	Make func() []byte
	// Sheet marks a workbook, which only the attachment and import paths
	// accept (the report reader refuses XLSX without reading it).
	Sheet bool
}

// Corpus returns every hostile document, in a fixed order.
func Corpus() []File {
	return []File{
		{Name: "pdf_operands.pdf", What: "一个内容流解压为 50 MiB 的数字操作数，没有操作符",
			Make: func() []byte { return pdf(repeat("1 ", 25<<20)) }},
		{Name: "pdf_operands_4m.pdf", What: "一个内容流里两百万个数字操作数，没有操作符",
			Make: func() []byte { return pdf(repeat("1 ", 2<<20)) }},
		{Name: "pdf_string.pdf", What: "一个内容流里一个 8 MiB 的字符串",
			Make: func() []byte { return pdf(repeat("(", 1) + repeat("A", 8<<20) + ") Tj") }},
		{Name: "pdf_whitespace.pdf", What: "一个内容流解压为 20 MiB 的空白",
			Make: func() []byte { return pdf(repeat(" ", 20<<20) + "BT ET") }},
		{Name: "pdf_nesting.pdf", What: "内容流中一百万层嵌套的数组",
			Make: func() []byte { return pdf(repeat("[", 1<<20)) }},
		{Name: "docx_table.docx", What: "document.xml 解压为约 63 MiB 的表格，一百多万个单元格",
			Make: func() []byte {
				return docx(`<w:tbl>` + repeat(`<w:tr>`+repeat(`<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>`, 100)+`</w:tr>`, 13000) + `</w:tbl>`)
			}},
		{Name: "docx_nesting.docx", What: "十万层嵌套的表格",
			Make: func() []byte { return docx(repeat(`<w:tbl><w:tr><w:tc>`, 100_000)) }},
		{Name: "docx_zipbomb.docx", What: "document.xml 解压为 100 MiB 的一段文字",
			Make: func() []byte { return docx(`<w:p><w:r><w:t>` + repeat("公开", 100<<20/6) + `</w:t></w:r></w:p>`) }},
		{Name: "html_tags.html", What: "六十万个标签",
			Make: func() []byte { return []byte("<html><body>" + repeat("<b>", 600_000) + "</body></html>") }},
		{Name: "html_nesting.html", What: "二十万层嵌套的 div",
			Make: func() []byte { return []byte("<html><body>" + repeat("<div>", 200_000) + "</body></html>") }},
		{Name: "xlsx_wide.xlsx", What: "4000 行，每行一个位于 XFD 列的单元格", Sheet: true,
			Make: func() []byte { return xlsx(wideRows(4000)) }},
		{Name: "xlsx_tall.xlsx", What: "三百万个单元格的工作表", Sheet: true,
			Make: func() []byte { return xlsx(tallRows(1_000_000, 3)) }},
		{Name: "xlsx_zipbomb.xlsx", What: "工作表解压为 160 MiB", Sheet: true,
			Make: func() []byte {
				return xlsx(`<row r="1"><c r="A1" t="inlineStr"><is><t>` + repeat("a", 160<<20) + `</t></is></c></row>`)
			}},
	}
}

func repeat(s string, n int) string { return strings.Repeat(s, n) }

// pdf returns a one-page PDF whose content stream is content, compressed.
func pdf(content string) []byte {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	_, _ = zw.Write([]byte(content))
	_ = zw.Close()
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	return PDFFile(objs)
}

// PDFFile writes objects 1…n, the first the catalog, as a PDF file with
// its cross-reference table; the extract package's tests build their
// fixtures with it too.
func PDFFile(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// docx returns a Word document whose body is body.
func docx(body string) []byte {
	return zipFiles(map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`,
	})
}

// xlsx returns a workbook of one sheet whose sheetData is rows.
func xlsx(rows string) []byte {
	return zipFiles(map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`,
	})
}

// wideRows returns n rows, each with one number in the last column (XFD).
func wideRows(n int) string {
	var b strings.Builder
	for r := 1; r <= n; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
	}
	return b.String()
}

// tallRows returns n rows of cols numbers each.
func tallRows(n, cols int) string {
	var b strings.Builder
	for r := 1; r <= n; r++ {
		b.WriteString(`<row>`)
		for c := 0; c < cols; c++ {
			b.WriteString(`<c><v>1</v></c>`)
		}
		b.WriteString(`</row>`)
	}
	return b.String()
}

// zipFiles returns a ZIP archive of the files, in name order, compressed as
// tightly as flate allows.
func zipFiles(files map[string]string) []byte {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, n := range names {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		_, _ = w.Write([]byte(files[n]))
	}
	_ = zw.Close()
	return b.Bytes()
}
