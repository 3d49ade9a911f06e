package audit

import (
	"regexp"
	"strings"
	"unicode"
)

// widthFold turns the full-width digits, signs and spaces of Chinese
// documents into ASCII, so that 「１２」 and 「12」 read alike. Full-width
// punctuation that labels rely on (（）、，：) is kept.
var widthFold = strings.NewReplacer(
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4",
	"５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
	"＋", "+", "－", "-", "−", "-", "．", ".", "％", "%", "／", "/",
	"\u3000", " ", "\u00a0", " ", "\t", " ", "\r", "", "\f", "\n", "\v", "\n",
	"\u200b", "", "\ufeff", "",
)

// pageNumber matches a line that is only a page number: 「- 8 -」, 「—8—」,
// 「第 8 页」, 「第8页 共12页」, 「8/12」.
var pageNumber = regexp.MustCompile(`^(?:[-—–]+\d{1,3}[-—–]+|第\d{1,3}页(?:共\d{1,3}页)?|\d{1,3}/\d{1,3})$`)

// textLine is one line of the document with its compact form (no whitespace),
// which labels and headings are matched against.
type textLine struct {
	text    string
	compact string
}

// splitLines normalises a document into lines: width folded, page numbers
// and empty lines dropped.
func splitLines(text string) []textLine {
	text = widthFold.Replace(text)
	var out []textLine
	for _, s := range strings.Split(text, "\n") {
		c := squeeze(s)
		if c == "" || pageNumber.MatchString(c) {
			continue
		}
		out = append(out, textLine{text: s, compact: c})
	}
	return out
}

// squeeze removes every space from s.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// The parts of the report (条例第五十条) as numbered headings.
const (
	part1 = iota
	part2
	part3
	part4
	part5
	part6
	partCount
)

// partNames are the Chinese numerals of the parts, as findings name them.
var partNames = [partCount]string{"一", "二", "三", "四", "五", "六"}

// headings match the compact line that opens each part, numbered
// (「二、主动公开政府信息情况」).
var headings = [partCount]*regexp.Regexp{
	regexp.MustCompile(`^一[、.,，]?总体情况`),
	regexp.MustCompile(`^二[、.,，]?主动公开政府信息`),
	regexp.MustCompile(`^三[、.,，]?收到和处理政府信息公开申请`),
	regexp.MustCompile(`^四[、.,，]?政府信息公开行政复议`),
	regexp.MustCompile(`^五[、.,，]?存在的主要问题`),
	regexp.MustCompile(`^六[、.,，]?其他需要报告`),
}

// bareHeadings match a heading printed without its numeral, only when the
// line holds nothing else.
var bareHeadings = [partCount]*regexp.Regexp{
	regexp.MustCompile(`^总体情况$`),
	regexp.MustCompile(`^主动公开政府信息情况$`),
	regexp.MustCompile(`^收到和处理政府信息公开申请情况$`),
	regexp.MustCompile(`^政府信息公开行政复议[、和]?行政诉讼情况$`),
	regexp.MustCompile(`^存在的主要问题及改进情况$`),
	regexp.MustCompile(`^其他需要报告的事项$`),
}

// anchors find a table whose heading is missing: a line only that table has.
var anchors = [partCount]string{part2: "第二十条", part3: "本年新收", part4: "行政复议"}

// reportOutline is where each part starts: a line index, or -1 when not found.
type reportOutline [partCount]int

// findOutline locates the parts' headings, falling back to a table's anchor
// line when its heading is missing.
func findOutline(lines []textLine) reportOutline {
	var o reportOutline
	for p := range o {
		o[p] = firstMatch(lines, headings[p])
		if o[p] < 0 {
			o[p] = firstMatch(lines, bareHeadings[p])
		}
	}
	for p, a := range anchors {
		if a == "" || o[p] >= 0 {
			continue
		}
		from := 0
		if p > 0 && o[p-1] >= 0 {
			from = o[p-1] + 1
		}
		for i := from; i < len(lines); i++ {
			if strings.Contains(lines[i].compact, a) {
				o[p] = i
				break
			}
		}
	}
	return o
}

// firstMatch returns the index of the first line whose compact form
// matches re, or -1.
func firstMatch(lines []textLine, re *regexp.Regexp) int {
	for i, l := range lines {
		if re.MatchString(l.compact) {
			return i
		}
	}
	return -1
}

// span returns the lines of part p, from its heading up to the next part
// that starts after it; ok is false when the part was not found.
func (o reportOutline) span(lines []textLine, p int) ([]textLine, bool) {
	start := o[p]
	if start < 0 {
		return nil, false
	}
	end := len(lines)
	for q, s := range o {
		if q != p && s > start && s < end {
			end = s
		}
	}
	return lines[start:end], true
}

// prose returns the lines outside the tables: before part 二 (or the first
// table found) and from part 五 on.
func (o reportOutline) prose(lines []textLine) []textLine {
	first := len(lines)
	for _, p := range []int{part2, part3, part4} {
		if o[p] >= 0 && o[p] < first {
			first = o[p]
		}
	}
	out := append([]textLine(nil), lines[:first]...)
	after := -1
	for _, p := range []int{part5, part6} {
		if o[p] > first && (after < 0 || o[p] < after) {
			after = o[p]
		}
	}
	if after >= 0 {
		out = append(out, lines[after:]...)
	}
	return out
}
