package audit

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// streamCell is a figure printed in a table.
type streamCell struct {
	// at is the length of the label stream when the figure was read: the
	// figure comes after every label character before at.
	at    int
	raw   string
	value float64
	// decimal and signed say how the figure was printed.
	decimal, signed bool
	// blank marks a streamCell printed as 「—」 or 「/」, read as 0.
	blank bool
	// bad marks a figure mixed with letters (「1O」, 「l2」): not a number
	// the reader can be sure of.
	bad bool
	// unit is 「元」 or 「万元」 when printed after the figure.
	unit string
	// line is the index of the line the figure was printed on, and col
	// the display column of its middle (a Chinese character is two
	// columns wide), which blankColumns aligns rows by.
	line int
	col  float64
}

// tableStream is a table read as one string of label characters (Han characters
// and item numbers, no spaces or punctuation) with its figures placed in it,
// so that labels broken across lines, interleaved with vertical headers or
// split by page numbers still read as one string.
type tableStream struct {
	labels string
	cells  []streamCell
}

// blankMarks are the cell contents that mean an empty cell.
var blankMarks = map[string]bool{"-": true, "--": true, "—": true, "——": true, "–": true, "/": true, "\\": true}

// countUnits may follow a figure directly in a cell (「12件」).
var countUnits = []string{"万元", "万", "元", "件", "条", "个", "项"}

// labelDigitSuffixes follow digits that are part of a label, not a cell:
// 「2024年」, 「1月」, 「第3页」.
const labelDigitSuffixes = "年月日号页款季"

// readStream tokenizes table lines into a stream.
func readStream(lines []textLine) *tableStream {
	s := &tableStream{}
	var b strings.Builder
	for n, l := range lines {
		col := 0 // display column of the next rune
		for _, field := range strings.SplitAfter(l.text, " ") {
			rs := []rune(strings.TrimSuffix(field, " "))
			from := len(s.cells)
			switch {
			case len(rs) == 0:
			case blankMarks[string(rs)]:
				s.cells = append(s.cells, streamCell{at: b.Len(), raw: string(rs), blank: true, col: float64(displayWidth(rs)) / 2})
			default:
				s.readField(rs, &b)
			}
			for i := from; i < len(s.cells); i++ {
				s.cells[i].line, s.cells[i].col = n, float64(col)+s.cells[i].col
			}
			col += displayWidth([]rune(field))
		}
	}
	s.labels = b.String()
	return s
}

// displayWidth is how many columns runes take in a monospaced text: two for
// a Chinese character or a full-width sign, one otherwise.
func displayWidth(rs []rune) int {
	n := 0
	for _, r := range rs {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// readField reads one space-separated field: label characters go to b,
// figures become cells.
func (s *tableStream) readField(rs []rune, b *strings.Builder) {
	for i := 0; i < len(rs); {
		r := rs[i]
		signed := (r == '+' || r == '-') && i == 0 && i+1 < len(rs) && asciiDigit(rs[i+1])
		if !asciiDigit(r) && !signed {
			if unicode.Is(unicode.Han, r) || asciiLetter(r) {
				b.WriteRune(r)
			}
			i++
			continue
		}
		j := scanNumber(rs, i)
		from := len(s.cells)
		isCell := s.figure(rs, i, j, signed, b)
		if len(s.cells) > from {
			// The figure's middle, from the field's start.
			s.cells[from].col = float64(displayWidth(rs[:i])) + float64(displayWidth(rs[i:j]))/2
		}
		i = j
		if isCell {
			for _, u := range countUnits {
				if hasPrefixRunes(rs[i:], u) {
					i += len([]rune(u))
					break
				}
			}
		} else if isItemMark(rs, i) {
			i++
		}
	}
}

// figure classifies the number rs[i:j]: a cell, an item number (「1.」,
// 「2、」) or digits inside a label (「第1项」, 「2024年」). It reports
// whether the number became a cell.
func (s *tableStream) figure(rs []rune, i, j int, signed bool, b *strings.Builder) bool {
	raw := string(rs[i:j])
	next := rune(0)
	if j < len(rs) {
		next = rs[j]
	}
	prevLabel := i > 0 && (unicode.Is(unicode.Han, rs[i-1]) || asciiLetter(rs[i-1]))
	unit := ""
	for _, u := range countUnits {
		if hasPrefixRunes(rs[j:], u) {
			unit = u
			break
		}
	}
	switch {
	case asciiLetter(next) || (i > 0 && asciiLetter(rs[i-1])):
		s.cells = append(s.cells, streamCell{at: b.Len(), raw: string(rs[max(0, i-1):min(len(rs), j+1)]), bad: true})
		return true
	case !signed && isItemMark(rs, j):
		b.WriteString(raw)
		return false
	case next == '%' || strings.ContainsRune(labelDigitSuffixes, next) || (prevLabel && unit != "" && !strings.Contains(unit, "万") && unit != "元"):
		b.WriteString(raw)
		return false
	case unit == "" && unicode.Is(unicode.Han, next):
		// A figure glued to other text (「12万余」, 「3个半」) is not a
		// number the reader can be sure of.
		s.cells = append(s.cells, streamCell{at: b.Len(), raw: string(rs[i:min(len(rs), j+2)]), bad: true})
		return true
	}
	c := streamCell{at: b.Len(), raw: raw, signed: signed, decimal: strings.Contains(raw, ".")}
	switch unit {
	case "元":
		c.unit = "元"
	case "万", "万元":
		c.unit = "万元"
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(raw, ",", ""), 64)
	if err != nil {
		c.bad = true
	}
	c.value = v
	s.cells = append(s.cells, c)
	return true
}

// scanNumber returns the end of the number starting at i: an optional sign,
// digits with optional thousands separators and an optional fraction.
func scanNumber(rs []rune, i int) int {
	if rs[i] == '+' || rs[i] == '-' {
		i++
	}
	for i < len(rs) && asciiDigit(rs[i]) {
		i++
	}
	for i+3 < len(rs) && rs[i] == ',' && asciiDigit(rs[i+1]) && asciiDigit(rs[i+2]) && asciiDigit(rs[i+3]) && (i+4 == len(rs) || !asciiDigit(rs[i+4])) {
		i += 4
	}
	if i+1 < len(rs) && rs[i] == '.' && asciiDigit(rs[i+1]) {
		i++
		for i < len(rs) && asciiDigit(rs[i]) {
			i++
		}
	}
	return i
}

// isItemMark reports whether rs[j] ends an item number: 「.」 or 「、」 not
// followed by a digit.
func isItemMark(rs []rune, j int) bool {
	if j >= len(rs) || (rs[j] != '.' && rs[j] != '、') {
		return false
	}
	return j+1 >= len(rs) || !asciiDigit(rs[j+1])
}

func asciiDigit(r rune) bool { return r >= '0' && r <= '9' }

func asciiLetter(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }

func hasPrefixRunes(rs []rune, p string) bool {
	i := 0
	for _, r := range p {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// labelKey is the form of a printed label that streams are searched with:
// only Han characters, letters and digits.
func labelKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) || asciiLetter(r) || asciiDigit(r) {
			return r
		}
		return -1
	}, widthFold.Replace(s))
}
