package render

import (
	"archive/zip"
	"bytes"
	"embed"
	"encoding/xml"
	"fmt"
	"github.com/gongkai/gongkai/internal/report"
	"io"
	"strings"
	"text/template"
	"time"
)

//go:embed templates/docx/*
var docxFS embed.FS

var docxTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"x": xmlText,
}).ParseFS(docxFS, "templates/docx/*"))

// Page geometry of the DOCX in twentieths of a point (A4 and the margins
// of official documents, GB/T 9704).
const (
	docxPageW   = 11906
	docxPageH   = 16838
	docxMarginL = 1588
	docxMarginR = 1474
	docxMarginT = 2098
	docxMarginB = 1984
	// docxEMUPerTwip converts twips to the EMUs of DrawingML.
	docxEMUPerTwip = 635
)

// docxParts are the package parts in the order they are zipped, each with
// the template that writes it.
var docxParts = []struct{ name, template string }{
	{"[Content_Types].xml", "content_types.xml"},
	{"_rels/.rels", "rels.xml"},
	{"docProps/core.xml", "core.xml"},
	{"docProps/app.xml", "app.xml"},
	{"word/document.xml", "document.xml"},
	{"word/styles.xml", "styles.xml"},
	{"word/settings.xml", "settings.xml"},
	{"word/footer1.xml", "footer.xml"},
	{"word/_rels/document.xml.rels", "document.xml.rels"},
}

// DOCX writes the report as a Word document (Office Open XML) that Word,
// WPS and LibreOffice open and edit: real tables with merged cells
// (gridSpan, vMerge) and repeated header rows, and the charts as PNG
// images with their text alternative. The output is byte-for-byte
// reproducible for a given document.
func DOCX(w io.Writer, d *report.Document) error {
	doc, err := newDOCX(d)
	if err != nil {
		return err
	}
	stamp := d.Published
	if stamp.IsZero() {
		stamp = time.Date(d.Report.Year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return writeDOCX(w, doc, doc.Images, stamp)
}

// writeDOCX zips the package parts, executed on data (a *docxDoc or a type
// embedding one), and the images, all dated stamp.
func writeDOCX(w io.Writer, data any, images []docxImage, stamp time.Time) error {
	z := zip.NewWriter(w)
	for _, p := range docxParts {
		var buf bytes.Buffer
		if err := docxTemplates.ExecuteTemplate(&buf, p.template, data); err != nil {
			return errorf("docx "+p.name, err)
		}
		if err := addZipFile(z, p.name, stamp, buf.Bytes()); err != nil {
			return err
		}
	}
	for _, img := range images {
		if err := addZipFile(z, "word/media/"+img.Name, stamp, img.PNG); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return errorf("docx", err)
	}
	return nil
}

func addZipFile(z *zip.Writer, name string, stamp time.Time, data []byte) error {
	f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp})
	if err != nil {
		return errorf("docx "+name, err)
	}
	if _, err := f.Write(data); err != nil {
		return errorf("docx "+name, err)
	}
	return nil
}

// xmlText escapes text for XML character data and attributes.
func xmlText(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return ""
	}
	return b.String()
}

// docxDoc is the typed data of the DOCX templates.
type docxDoc struct {
	*report.Document
	Blocks []docxBlock
	Images []docxImage
	Page   struct{ W, H, Left, Right, Top, Bottom int }
	// Created is the W3C date of the core properties.
	Created string
}

// docxBlock is one paragraph, table or image of the body, in order.
type docxBlock struct {
	Kind  string // "title", "note", "heading", "subheading", "para", "table", "image", "caption", "right"
	Text  string
	Table *docxTable
	Image *docxImage
}

type docxImage struct {
	ID, Name, Description string
	CX, CY                int // EMU
	PNG                   []byte
}

func newDOCX(d *report.Document) (*docxDoc, error) {
	tables, err := Tables(d)
	if err != nil {
		return nil, err
	}
	doc := &docxDoc{Document: d, Created: "2000-01-01T00:00:00Z"}
	if !d.Published.IsZero() {
		doc.Created = d.Published.UTC().Format(time.RFC3339)
	}
	doc.Page.W, doc.Page.H = docxPageW, docxPageH
	doc.Page.Left, doc.Page.Right, doc.Page.Top, doc.Page.Bottom = docxMarginL, docxMarginR, docxMarginT, docxMarginB
	add := func(kind, text string) { doc.Blocks = append(doc.Blocks, docxBlock{Kind: kind, Text: text}) }
	add("title", d.Report.Agency)
	add("title", fmt.Sprintf("%d年政府信息公开工作年度报告", d.Report.Year))
	if d.Version > 1 {
		note := fmt.Sprintf("第%d版", d.Version)
		if d.ChangeNote != "" {
			note += "：" + d.ChangeNote
		}
		add("note", note)
	}
	for _, p := range d.Preamble {
		add("para", p)
	}
	sections := func(heading string, ss []report.Section) error {
		add("heading", heading)
		for _, s := range ss {
			if s.Heading != "" {
				add("subheading", s.Heading)
			}
			for _, p := range s.Paragraphs {
				add("para", p)
			}
			for _, c := range s.Charts {
				if err := doc.addChart(c); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := sections(partOverview, d.Overview); err != nil {
		return nil, err
	}
	for i, part := range []string{partProactive, partApplications, partReview} {
		add("heading", part)
		doc.Blocks = append(doc.Blocks, docxBlock{Kind: "table", Table: newDOCXTable(tables[i])})
	}
	if err := sections(partProblems, d.Problems); err != nil {
		return nil, err
	}
	if err := sections(partOther, d.Other); err != nil {
		return nil, err
	}
	add("right", d.Report.Agency)
	if t := d.PublishedText(); t != "" {
		add("right", t)
	}
	return doc, nil
}

// addChart appends a chart as a PNG image 15 cm wide and its caption.
func (doc *docxDoc) addChart(c report.Chart) error {
	data, size, err := chartPNG(c)
	if err != nil {
		return err
	}
	n := len(doc.Images) + 1
	const width = 15 * 360000 // 15 cm in EMU
	img := docxImage{
		ID: fmt.Sprintf("rIdImage%d", n), Name: fmt.Sprintf("chart%d.png", n),
		Description: newSVGChart(c, "").Description(),
		CX:          width, CY: width * size.Y / size.X, PNG: data,
	}
	doc.Images = append(doc.Images, img)
	doc.Blocks = append(doc.Blocks, docxBlock{Kind: "image", Image: &doc.Images[len(doc.Images)-1]})
	title := c.Title
	if c.Unit != "" {
		title += "（单位：" + c.Unit + "）"
	}
	doc.Blocks = append(doc.Blocks, docxBlock{Kind: "caption", Text: title})
	return nil
}

// DocPrID numbers the drawing objects for docPr ids.
func (img docxImage) DocPrID() string { return strings.TrimPrefix(img.ID, "rIdImage") }
