package search

import (
	"html"
	"strings"
	"unicode/utf8"
)

// SnippetRunes is the length of a snippet in characters.
const SnippetRunes = 120

// Snippet returns an HTML-escaped excerpt of text around the first match of
// q, with every match wrapped in <mark>. When nothing matches (the hit was
// in the title, or in an attachment) it returns the start of text.
func Snippet(text string, q Query) string {
	text = strings.Join(strings.Fields(text), " ")
	lower := foldString(text)
	first := -1
	var needles []string
	for _, t := range q.Terms {
		n := foldString(t.Text)
		if n == "" {
			continue
		}
		needles = append(needles, n)
		if i := strings.Index(lower, n); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	start := 0
	if first > 0 {
		// Begin a third of a snippet before the match, on a rune boundary.
		start = first
		for n := 0; n < SnippetRunes/3 && start > 0; n++ {
			_, size := utf8.DecodeLastRuneInString(text[:start])
			start -= size
		}
	}
	end := start
	for n := 0; n < SnippetRunes && end < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	b.WriteString(highlight(text[start:end], lower[start:end], needles))
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

// foldString folds like the tokenizer when that keeps byte offsets, so a
// match found in the folded text is at the same place in the original.
func foldString(s string) string {
	var b strings.Builder
	for _, r := range s {
		f := fold(r)
		if utf8.RuneLen(f) != utf8.RuneLen(r) {
			f = r
		}
		b.WriteRune(f)
	}
	return b.String()
}

// highlight escapes text and marks each occurrence of the needles, found
// in its folded form lower.
func highlight(text, lower string, needles []string) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		best := 0
		for _, n := range needles {
			if n != "" && strings.HasPrefix(lower[i:], n) && len(n) > best {
				best = len(n)
			}
		}
		if best > 0 {
			b.WriteString("<mark>" + html.EscapeString(text[i:i+best]) + "</mark>")
			i += best
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		b.WriteString(html.EscapeString(text[i : i+size]))
		i += size
	}
	return b.String()
}
