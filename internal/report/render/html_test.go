package render

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestHTMLGolden(t *testing.T) {
	for name, d := range documents() {
		t.Run(name, func(t *testing.T) {
			var frag, page bytes.Buffer
			if err := HTML(&frag, d); err != nil {
				t.Fatal(err)
			}
			if err := HTMLPage(&page, d); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name+".html.golden", page.Bytes())
			if !bytes.Contains(page.Bytes(), frag.Bytes()) {
				t.Error("the page does not contain the fragment")
			}
			if bytes.Contains(frag.Bytes(), []byte("<html")) {
				t.Error("the fragment is a whole page")
			}
		})
	}
}

// TestHTMLMarkup checks header cells, merges and figures in the parsed page.
func TestHTMLMarkup(t *testing.T) {
	var buf bytes.Buffer
	if err := HTMLPage(&buf, document2021()); err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	ths := map[string]map[string]string{}
	tds := map[string]string{}
	var svgs, captions int
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
			}
			switch n.Data {
			case "th":
				ths[text(n)] = attrs
			case "td":
				if k := attrs["data-key"]; k != "" {
					tds[k] = text(n)
				}
			case "svg":
				svgs++
				if attrs["role"] != "img" || attrs["aria-labelledby"] == "" {
					t.Errorf("svg without role=img and a label: %v", attrs)
				}
			case "caption":
				captions++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	headers := []struct{ text, attr, want string }{
		{"申请人情况", "colspan", "7"},
		{"法人或其他组织", "colspan", "5"},
		{"法人或其他组织", "scope", "colgroup"},
		{"三、本年度办理结果", "rowspan", "22"},
		{"（六）其他处理", "rowspan", "3"},
		{"3.其他", "scope", "row"},
		{"行政诉讼", "colspan", "10"},
		{"复议后起诉", "colspan", "5"},
		{"第二十条第（五）项", "scope", "rowgroup"},
	}
	for _, h := range headers {
		if got := ths[h.text][h.attr]; got != h.want {
			t.Errorf("<th>%s %s=%q, want %q", h.text, h.attr, got, h.want)
		}
	}
	figures := map[string]string{
		"applications/received/total":            "36",
		"applications/other.fee_unpaid/total":    "1",
		"review_litigation/review/total":         "4",
		"proactive/fees/amount_wan":              "96171.6",
		"proactive/normative_documents/repealed": "26",
	}
	for k, want := range figures {
		if got := tds[k]; got != want {
			t.Errorf("cell %s = %q, want %q", k, got, want)
		}
	}
	if svgs != 1 || captions != 3 {
		t.Errorf("%d charts and %d captions, want 1 and 3", svgs, captions)
	}
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
