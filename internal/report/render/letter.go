package render

import (
	"fmt"
	"io"
	"time"

	"github.com/gongkai/gongkai/internal/report"
)

// Letter is an official letter of an agency (an answer to an application
// for information, or a notice), laid out like a 公文: the agency's name as
// a red letterhead, the 文号 over a red rule, the title, the addressee, the
// body paragraphs, and the agency and date placed for the seal. The PDF
// follows GB/T 9704's page (letter_pdf.go); PDF and DOCX use the same
// embedded font as the reports.
type Letter struct {
	Agency     string
	Number     string // 文号, e.g. 长审批依申请〔2026〕3号
	Title      string // e.g. 政府信息公开申请答复书
	Addressee  string // e.g. 张三
	Paragraphs []string
	Date       time.Time
}

// dateText writes the date in the official style 「2026年3月2日」.
func (l *Letter) dateText() string {
	return fmt.Sprintf("%d年%d月%d日", l.Date.Year(), int(l.Date.Month()), l.Date.Day())
}

// letterDOCX is the data of the DOCX templates for a letter: the report's
// document parts with the letter's own title.
type letterDOCX struct {
	*docxDoc
	title string
}

// Title is the document title of the core properties.
func (d *letterDOCX) Title() string { return d.title }

// LetterDOCX writes the letter as a Word document that Word, WPS and
// LibreOffice open and edit.
func LetterDOCX(w io.Writer, l *Letter) error {
	doc := &docxDoc{Document: &report.Document{Report: &report.Report{Agency: l.Agency}}, Created: l.Date.UTC().Format(time.RFC3339)}
	doc.Page.W, doc.Page.H = docxPageW, docxPageH
	doc.Page.Left, doc.Page.Right, doc.Page.Top, doc.Page.Bottom = docxMarginL, docxMarginR, docxMarginT, docxMarginB
	add := func(kind, text string) { doc.Blocks = append(doc.Blocks, docxBlock{Kind: kind, Text: text}) }
	add("note", l.Agency)
	add("caption", l.Number)
	add("title", l.Title)
	add("left", l.Addressee+"：")
	for _, para := range l.Paragraphs {
		add("para", para)
	}
	add("right", l.Agency)
	add("right", l.dateText())
	return writeDOCX(w, &letterDOCX{docxDoc: doc, title: l.Title}, nil, l.Date)
}
