package catalog

import (
	"html"
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
)

// bodyPolicy is the allow-list for item bodies: the structure of a
// government document (paragraphs, headings, lists, tables, links, images)
// and nothing that runs or styles. It is built once, on first use:
// compiling a policy costs more than sanitising a page (it was 40 % of an
// item page's time), and a built policy is never changed and is safe for
// concurrent use.
var bodyPolicy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowElements("u", "s", "sub", "sup", "caption")
	p.AllowAttrs("colspan", "rowspan").Matching(regexp.MustCompile(`^[0-9]{1,3}$`)).OnElements("td", "th")
	p.RequireNoFollowOnLinks(false)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	return p
})

// strictPolicy removes every tag, for plain text; built once like bodyPolicy.
var strictPolicy = sync.OnceValue(bluemonday.StrictPolicy)

// Sanitize returns body with everything outside the allow-list removed:
// scripts, event handlers, styles, forms and javascript: URLs.
func Sanitize(body string) string {
	return strings.TrimSpace(bodyPolicy().Sanitize(body))
}

// blockTags end a line of text when HTML is turned into plain text.
var blockTags = regexp.MustCompile(`(?i)</?(p|div|br|h[1-6]|li|tr|table|ul|ol|blockquote|pre)\b[^>]*>`)

// PlainText returns the text of a sanitised HTML body, one line per block,
// for search, scanning and snippets.
func PlainText(body string) string {
	s := blockTags.ReplaceAllString(body, "\n")
	s = strictPolicy().Sanitize(s)
	s = html.UnescapeString(s)
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return strings.TrimSpace(b.String())
}

// PlainTextSummary returns the first n characters of a body's text, for
// feeds and lists.
func PlainTextSummary(body string, n int) string {
	r := []rune(strings.Join(strings.Fields(PlainText(body)), " "))
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return string(r)
}
