package extract

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// squashSpace collapses every run of white space (including &nbsp; and the
// ideographic space) to one space, drops it between two Chinese characters
// (where it only comes from line wrapping in the source) and trims the ends.
func squashSpace(s string) string {
	var b strings.Builder
	pendingSpace := false
	var last rune
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\u200b' || r == '\ufeff' {
			pendingSpace = b.Len() > 0
			continue
		}
		if unicode.IsControl(r) {
			continue
		}
		if pendingSpace && !(isWideRune(last) && isWideRune(r)) {
			b.WriteByte(' ')
		}
		pendingSpace = false
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// isWideRune reports whether r is a Chinese character or full-width punctuation,
// between which a line break carries no space.
func isWideRune(r rune) bool {
	if unicode.Is(unicode.Han, r) {
		return true
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

// isCellFigure reports whether a table cell holds a figure: a number, possibly
// signed, with decimals or thousands separators and an optional unit
// (「12345678.90元」, 「44.2万元」), or a dash or slash printed for "none"
// (read as 0 by the text reader).
func isCellFigure(s string) bool {
	if isDashMark(s) {
		return true
	}
	f := cellFigure(s)
	for _, u := range figureUnits {
		if strings.HasSuffix(f, u) {
			f = strings.TrimSuffix(f, u)
			break
		}
	}
	if f == "" {
		return false
	}
	if f[0] == '+' || f[0] == '-' {
		f = f[1:]
	}
	digits, dots := 0, 0
	for _, r := range f {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.':
			dots++
		default:
			return false
		}
	}
	return digits > 0 && dots <= 1 && f[0] != '.' && f[len(f)-1] != '.'
}

// figureUnits may end a figure cell; the text reader converts 元 to 万元
// and checks that a count carries no unit it cannot read.
var figureUnits = []string{"万元", "元", "万", "件", "个", "项", "条"}

// isDashMark reports whether s is one of the marks printed in an empty cell.
func isDashMark(s string) bool {
	switch s {
	case "—", "——", "-", "－", "–", "/", "／", "\\":
		return true
	}
	return false
}

// cellFigure writes a figure cell the way the text reader reads it: half-width
// digits and signs, no thousands separators, no spaces.
func cellFigure(s string) string {
	if isDashMark(s) {
		return s
	}
	if !isASCII(s) {
		s = width.Narrow.String(s)
	}
	return figureCleaner.Replace(s)
}

// figureCleaner drops thousands separators and stray spaces from a figure.
var figureCleaner = strings.NewReplacer(",", "", " ", "", "−", "-")

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
