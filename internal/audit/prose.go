package audit

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// ProseMaxRunes caps the text kept of each of parts 一 and 五 in
// Result.Prose, so that a result stays small as JSON (it crosses the
// sandbox's pipe and is stored per file of a batch audit); the 雷同 check
// compares only what is kept.
const ProseMaxRunes = 4000

// Prose is the text of the two parts of a report that an agency writes in
// its own words, kept so that Audit can compare reports read in other
// processes (the sandbox child, a batch audit read back from the
// database): part 一 总体情况 and part 五 存在的主要问题及改进情况, without
// their headings, whitespace removed and width folded, each at most
// ProseMaxRunes runes. A part not found is "".
type Prose struct {
	Overall  string `json:"overall,omitempty"`
	Problems string `json:"problems,omitempty"`
}

// proseHeading is the heading that opens part 一 or 五, whole.
var proseHeading = regexp.MustCompile(`^(?:[一五][、.,，]?)?(?:总体情况|存在的主要问题(?:及|和)?(?:改进情况)?)`)

// readProse takes parts 一 and 五 for Result.Prose; nil when neither part
// was found.
func (rd *reader) readProse() *Prose {
	p := &Prose{Overall: rd.partText(part1), Problems: rd.partText(part5)}
	if p.Overall == "" && p.Problems == "" {
		return nil
	}
	return p
}

// partText is part p's compact text without its heading, capped.
func (rd *reader) partText(p int) string {
	lines, ok := rd.outline.span(rd.lines, p)
	if !ok {
		return ""
	}
	var b strings.Builder
	for i, l := range lines {
		c := l.compact
		if i == 0 {
			c = proseHeading.ReplaceAllString(c, "")
		}
		b.WriteString(c)
	}
	return capRunes(b.String(), ProseMaxRunes)
}

// capRunes cuts s to at most n runes.
func capRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if n == 0 {
			i = k
			break
		}
		n--
	}
	return s[:i]
}
