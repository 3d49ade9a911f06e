package audit

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/internal/report"
)

// RuleStaleYear marks prose of the report for year N that speaks of year
// N−1 as the current year (「2020年，我局…」 in the 2021 report): text
// carried over from last year's report without being rewritten.
const RuleStaleYear = "text.stale_year"

// staleLead matches a year opening a clause as its time (「2020年，」,
// 「2020年度我局」, 「在2020年，」); the year is group 1.
var staleLead = regexp.MustCompile(`(?:^|[，,：:])(?:在|于)?(20\d\d)年度?(?:[，,]|我|本|全|共)`)

// staleExcused are words that make a sentence naming the earlier year a
// comparison or a look back rather than a stale date.
var staleExcused = []string{"上年", "上一年", "去年", "前一年", "较", "同比", "相比", "比上", "对比", "同期", "以来", "回顾"}

// checkStaleYear adds a text.stale_year warning for each of parts 一 and 五
// with a sentence that speaks of the year before the report's as its own.
func (rd *reader) checkStaleYear(year int, p *Prose) {
	if year == 0 || p == nil {
		return
	}
	prev := strconv.Itoa(year - 1)
	for _, part := range []struct {
		name, text string
	}{{"一", p.Overall}, {"五", p.Problems}} {
		var stale []string
		for _, s := range strings.FieldsFunc(part.text, isProseSentenceEnd) {
			if staleSentence(s, prev, strconv.Itoa(year)) {
				stale = append(stale, s)
			}
		}
		if len(stale) == 0 {
			continue
		}
		rd.add(report.Finding{Rule: RuleStaleYear, Severity: report.SeverityWarning, Part: part.name, Message: fmt.Sprintf(
			"本报告是 %d 年度报告，但第%s部分有 %d 句把 %s 年当作本年度来写，如「%s」：可能沿用了上一年度报告的文字",
			year, part.name, len(stale), prev, sample(stale[0], 60))})
	}
}

// staleSentence reports whether sentence s opens a clause with year prev
// and neither compares it nor names the report's own year cur.
func staleSentence(s, prev, cur string) bool {
	if strings.Contains(s, cur+"年") || containsAny(s, staleExcused) {
		return false
	}
	for _, m := range staleLead.FindAllStringSubmatch(s, -1) {
		if m[1] == prev {
			return true
		}
	}
	return false
}

func isProseSentenceEnd(r rune) bool {
	return isSentenceEnd(r) || r == '！' || r == '？' || r == '!' || r == '?'
}

// sample is s cut to n runes, with 「…」 when cut.
func sample(s string, n int) string {
	if c := capRunes(s, n); c != s {
		return c + "…"
	}
	return s
}
