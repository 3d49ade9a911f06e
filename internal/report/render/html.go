package render

import (
	"embed"
	"github.com/gongkai/gongkai/internal/report"
	"html/template"
	"io"
	"strconv"
)

//go:embed templates/*.tmpl templates/report.css
var templateFS embed.FS

var htmlTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"span": spanAttrs,
}).ParseFS(templateFS, "templates/*.tmpl"))

// CSS returns the style sheet of the HTML output: readable on a phone, the
// wide tables scrolling inside their container. HTMLPage inlines it; a site
// embedding HTML fragments serves it.
func CSS() string {
	b, err := templateFS.ReadFile("templates/report.css")
	if err != nil {
		panic("render: embedded report.css missing: " + err.Error())
	}
	return string(b)
}

// HTML writes the report as an HTML fragment (an <article>) for a page that
// already has a head and includes CSS().
func HTML(w io.Writer, d *report.Document) error {
	return executeHTML(w, "report", d)
}

// HTMLPage writes the report as a standalone HTML page with its style sheet.
func HTMLPage(w io.Writer, d *report.Document) error {
	return executeHTML(w, "page", d)
}

func executeHTML(w io.Writer, name string, d *report.Document) error {
	page, err := newHTMLPage(d)
	if err != nil {
		return err
	}
	if err := htmlTemplates.ExecuteTemplate(w, name, page); err != nil {
		return errorf("html", err)
	}
	return nil
}

// htmlPage is the typed data of the templates.
type htmlPage struct {
	*report.Document
	CSS      template.CSS
	Overview []htmlSection
	Tables   []htmlTable
}

type htmlSection struct {
	report.Section
	Charts []svgChart
}

// htmlTable is a Table split into thead rows and tbody groups.
type htmlTable struct {
	Part   string
	Table  Table
	Head   []GridRow
	Bodies [][]GridRow
}

func newHTMLPage(d *report.Document) (*htmlPage, error) {
	tables, err := Tables(d)
	if err != nil {
		return nil, err
	}
	p := &htmlPage{Document: d, CSS: template.CSS(CSS())}
	n := 0
	for _, s := range d.Overview {
		hs := htmlSection{Section: s}
		for _, c := range s.Charts {
			n++
			hs.Charts = append(hs.Charts, newSVGChart(c, "gk-chart-"+strconv.Itoa(n)))
		}
		p.Overview = append(p.Overview, hs)
	}
	parts := map[string]string{"proactive": partProactive, "applications": partApplications, "review_litigation": partReview}
	for _, t := range tables {
		ht := htmlTable{Part: parts[t.ID], Table: t}
		for _, r := range t.Rows {
			switch {
			case r.Head:
				ht.Head = append(ht.Head, r)
			case r.Group || len(ht.Bodies) == 0:
				ht.Bodies = append(ht.Bodies, []GridRow{r})
			default:
				ht.Bodies[len(ht.Bodies)-1] = append(ht.Bodies[len(ht.Bodies)-1], r)
			}
		}
		p.Tables = append(p.Tables, ht)
	}
	return p, nil
}

// PartTitles returns the headings of parts 一, 五 and 六 for the templates.
func (p *htmlPage) PartTitles() map[string]string {
	return map[string]string{"overview": partOverview, "problems": partProblems, "other": partOther}
}

// spanAttrs returns the rowspan and colspan attributes of a merged cell.
func spanAttrs(c Cell) template.HTMLAttr {
	s := ""
	if c.RowSpan > 1 {
		s += ` rowspan="` + strconv.Itoa(c.RowSpan) + `"`
	}
	if c.ColSpan > 1 {
		s += ` colspan="` + strconv.Itoa(c.ColSpan) + `"`
	}
	return template.HTMLAttr(s)
}
