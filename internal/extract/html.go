package extract

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// maxHTMLDepth bounds how deep the walk goes into nested elements; report
// pages nest a few dozen levels at most.
const maxHTMLDepth = 200

// extractHTML returns the text of an HTML page: headings and paragraphs as
// lines, and each data table through tableLines.
func extractHTML(data []byte) (string, error) {
	if n := bytes.Count(data, []byte("<")); n > maxHTMLTags {
		return "", overLimit("HTML 标记超过 %d 个", maxHTMLTags)
	}
	enc := htmlEncoding(data)
	utf8Data, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("HTML 字符集解码失败: %w", err)
	}
	doc, err := html.Parse(bytes.NewReader(utf8Data))
	if err != nil {
		// The parser fails only past its own bounds (elements nested
		// over 512 deep).
		return "", overLimit("HTML 结构异常（%v）", err)
	}
	var w htmlWalker
	w.walk(doc, 0)
	w.flush()
	return strings.Join(w.lines, "\n") + "\n", nil
}

// htmlEncoding finds the page's character set from its BOM or meta tag. A
// page that declares none, or declares UTF-8 or Latin-1 (old sites often
// do, wrongly), is read as UTF-8 when it is valid UTF-8 and as GB18030 (a
// superset of GBK and GB2312) otherwise.
func htmlEncoding(data []byte) encoding.Encoding {
	enc, name, certain := charset.DetermineEncoding(data, "")
	if certain || (name != "windows-1252" && name != "utf-8") {
		switch name {
		case "gbk", "gb2312", "gb18030":
			return simplifiedchinese.GB18030
		}
		return enc
	}
	if utf8.Valid(data) {
		return encoding.Nop
	}
	return simplifiedchinese.GB18030
}

// htmlWalker collects lines while walking the parsed page.
type htmlWalker struct {
	lines []string
	cur   strings.Builder
}

// flush ends the current line.
func (w *htmlWalker) flush() {
	if l := squashSpace(w.cur.String()); l != "" {
		w.lines = append(w.lines, l)
	}
	w.cur.Reset()
}

func (w *htmlWalker) walk(n *html.Node, depth int) {
	if depth > maxHTMLDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if htmlSkipped(n.DataAtom) {
			return
		}
		if n.DataAtom == atom.Br {
			w.flush()
			return
		}
		if n.DataAtom == atom.Table && !hasNestedTable(n, 0) {
			w.flush()
			w.lines = append(w.lines, tableLines(htmlRows(n))...)
			return
		}
	}
	block := n.Type == html.ElementNode && htmlBlock(n.DataAtom)
	if block {
		w.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
	if block {
		w.flush()
	}
}

// htmlSkipped reports elements whose text is not part of the document.
func htmlSkipped(a atom.Atom) bool {
	switch a {
	case atom.Head, atom.Title, atom.Script, atom.Style, atom.Noscript, atom.Template,
		atom.Iframe, atom.Object, atom.Svg, atom.Select, atom.Button, atom.Textarea:
		return true
	}
	return false
}

// htmlBlock reports elements that start and end a line.
func htmlBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Section, atom.Article,
		atom.Header, atom.Footer, atom.Nav, atom.Aside, atom.Main, atom.Blockquote,
		atom.Pre, atom.Table, atom.Caption, atom.Tr, atom.Td, atom.Th, atom.Hr,
		atom.Center, atom.Form, atom.Address, atom.Figure, atom.Figcaption, atom.Body:
		return true
	}
	return false
}

// hasNestedTable reports whether a table holds another table: then it only
// lays out the page and is read as flowing text.
func hasNestedTable(n *html.Node, depth int) bool {
	if depth > maxHTMLDepth {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Table {
			return true
		}
		if hasNestedTable(c, depth+1) {
			return true
		}
	}
	return false
}

// htmlRows returns the rows of a table (its own, not those of its sections'
// nested tables) with each cell's text and spans. A caption comes first as a
// one-cell row.
func htmlRows(table *html.Node) [][]tcell {
	var rows [][]tcell
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot:
				visit(c)
			case atom.Caption:
				rows = append(rows, []tcell{{text: htmlCellText(c), rows: 1, cols: 1}})
			case atom.Tr:
				var row []tcell
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
						row = append(row, tcell{
							text: htmlCellText(td),
							rows: htmlSpan(td, "rowspan"),
							cols: htmlSpan(td, "colspan"),
						})
					}
				}
				rows = append(rows, row)
			}
		}
	}
	visit(table)
	return rows
}

// htmlCellText returns a cell's text with line breaks and spaces normalised.
func htmlCellText(n *html.Node) string {
	var b strings.Builder
	var collect func(n *html.Node, depth int)
	collect = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth {
			return
		}
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && htmlSkipped(n.DataAtom):
		case n.Type == html.ElementNode && (n.DataAtom == atom.Br || htmlBlock(n.DataAtom)):
			b.WriteByte('\n')
			fallthrough
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				collect(c, depth+1)
			}
		}
	}
	collect(n, 0)
	return squashSpace(b.String())
}

// htmlSpan reads a rowspan or colspan attribute; a missing or invalid value
// is 1.
func htmlSpan(n *html.Node, name string) int {
	for _, a := range n.Attr {
		if a.Key == name {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			return v
		}
	}
	return 1
}
