package render

import (
	"strings"
	"unicode"
)

// closing are characters that must not begin a line (避头点): they hang at
// the end of the previous line instead.
const closing = "，。、；：？！）》」』】〕”’,.;:?!)%"

// opening are characters that must not end a line: they move down with
// the character they open.
const opening = "（《「『【〔“‘(["

// wrapText breaks text into lines no wider than width, measured by
// measure. It breaks between any two Han characters and at spaces, keeps
// Latin words and numbers whole when it can and never starts a line with
// closing punctuation. Explicit newlines are kept.
func wrapText(text string, width float64, measure func(string) float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, wrapLine([]rune(para), width, measure)...)
	}
	return lines
}

func wrapLine(rs []rune, width float64, measure func(string) float64) []string {
	if len(rs) == 0 {
		return []string{""}
	}
	var lines []string
	start, w, brk := 0, 0.0, -1
	for i := 0; i < len(rs); i++ {
		cw := measure(string(rs[i]))
		if i > start && w+cw > width {
			end := i
			switch {
			case (strings.ContainsRune(closing, rs[i]) || strings.ContainsRune(opening, rs[i-1])) && i-1 > start:
				// Carry down as many characters as it takes for the next
				// line not to begin with closing punctuation and this one
				// not to end with opening punctuation (禁则).
				for end > start+1 && (strings.ContainsRune(closing, rs[end]) || strings.ContainsRune(opening, rs[end-1])) {
					end--
				}
			case brk > start && !breakable(rs[i-1], rs[i]):
				end = brk
			}
			lines = append(lines, strings.TrimRight(string(rs[start:end]), " "))
			for end < len(rs) && rs[end] == ' ' {
				end++
			}
			start, brk, i = end, -1, end-1
			w = 0
			continue
		}
		if i > start && breakable(rs[i-1], rs[i]) {
			brk = i
		}
		w += cw
	}
	return append(lines, string(rs[start:]))
}

// breakable reports whether a line may break between a and b.
func breakable(a, b rune) bool {
	if strings.ContainsRune(closing, b) || strings.ContainsRune(opening, a) {
		return false
	}
	return a == ' ' || b == ' ' || wide(a) || wide(b)
}

// wide reports whether r is a CJK character or full-width punctuation.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || r == '“' || r == '”'
}
