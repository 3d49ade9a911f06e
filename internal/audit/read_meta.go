package audit

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/gongkai/gongkai/internal/report"
)

// meta is what the reader finds about a report besides its tables.
type meta struct {
	agency    string
	year      int
	published string // YYYY-MM-DD or ""
}

var (
	titleYear   = regexp.MustCompile(`(20\d\d)年度?`)
	titleWords  = regexp.MustCompile(`(?:关于)?(?:(?:政府信息公开|政务公开|信息公开)(?:工作)?)?(?:年度)?报告.*$`)
	periodYear  = regexp.MustCompile(`统计期限?(?:为|是|自|从)?(20\d\d)年`)
	fileYear    = regexp.MustCompile(`(20\d\d)`)
	labelledDay = regexp.MustCompile(`(?:发布日期|发布时间|成文日期|印发日期)[:：]?(20\d\d)[-年/.](\d{1,2})[-月/.](\d{1,2})`)
	closingDay  = regexp.MustCompile(`^([\p{Han}（）()]*?)(20\d\d)年(\d{1,2})月(\d{1,2})日$`)
	hanDay      = regexp.MustCompile(`^([\p{Han}（）()]*?)([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$`)
)

// titleSearch is how many lines from the top the title is looked for in.
const titleSearch = 15

// readMeta finds the agency, the reporting year and the publication date.
func (rd *reader) readMeta(name string) meta {
	var m meta
	if lines, title := rd.titleLine(); title >= 0 {
		m.agency, m.year = parseTitle(lines, title)
	}
	if m.year == 0 {
		for _, l := range rd.lines[:min(len(rd.lines), 2*titleSearch)] {
			if g := periodYear.FindStringSubmatch(l.compact); g != nil {
				m.year, _ = strconv.Atoi(g[1])
				break
			}
		}
	}
	var signer string
	m.published, signer = rd.publicationDate()
	if m.agency == "" {
		m.agency = signer
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	if m.year == 0 {
		if g := fileYear.FindString(base); g != "" {
			m.year, _ = strconv.Atoi(g)
		}
	}
	if m.agency == "" {
		m.agency = agencyFromFile(base)
	}
	if m.year == 0 {
		rd.add(report.Finding{Rule: RuleUnreadable, Severity: report.SeverityWarning, Message: "未能识别报告年度：标题、统计期限和文件名中都没有年份，无法核对格式和发布期限"})
	}
	if m.agency == "" {
		rd.add(report.Finding{Rule: RuleUnreadable, Severity: report.SeverityWarning, Message: "未能识别发布机关名称"})
	}
	return m
}

// titleLine returns the index of the report's title line in lines, or -1.
// A title wrapped inside 「年度报告」 (「…工作年」, 「度报告」), as text
// copied from a PDF without its layout prints it, is joined into one line
// of the lines returned.
func (rd *reader) titleLine() (lines []textLine, title int) {
	top := rd.lines[:min(len(rd.lines), titleSearch)]
	for i, l := range top {
		if isTitle(l.compact) {
			return rd.lines, i
		}
		if i+1 == len(top) || isTitle(top[i+1].compact) {
			continue
		}
		if joined := l.compact + top[i+1].compact; isTitle(joined) {
			lines = append(append(append([]textLine(nil), rd.lines[:i]...), textLine{text: joined, compact: joined}), rd.lines[i+2:]...)
			return lines, i
		}
	}
	return rd.lines, -1
}

// isTitle reports whether a compact line reads as a report's title.
func isTitle(c string) bool {
	return strings.Contains(c, "年度报告") && !hasLetter(c) && len([]rune(c)) <= 60
}

// parseTitle takes the agency and year from the title line, or the agency
// from the lines just above it when the title holds only the year.
func parseTitle(lines []textLine, i int) (agency string, year int) {
	t := lines[i].compact
	if g := titleYear.FindStringSubmatchIndex(t); g != nil {
		year, _ = strconv.Atoi(t[g[2]:g[3]])
		t = t[:g[0]] + t[g[1]:]
	}
	agency = cleanAgency(titleWords.ReplaceAllString(t, ""))
	for j := i - 1; agency == "" && j >= 0 && j >= i-2; j-- {
		agency = cleanAgency(lines[j].compact)
	}
	if year == 0 && i+1 < len(lines) {
		if g := titleYear.FindStringSubmatch(lines[i+1].compact); g != nil {
			year, _ = strconv.Atoi(g[1])
		}
	}
	return agency, year
}

// cleanAgency returns s as an agency name, or "" when s does not look like
// one (too short, a sentence, not Chinese).
func cleanAgency(s string) string {
	s = strings.TrimSuffix(strings.Trim(s, "《》“”\"'：:，,。"), "的")
	n := len([]rune(s))
	if n < 3 || n > 40 || strings.ContainsAny(s, "。，；：") || hasLetter(s) || strings.ContainsAny(s, "0123456789") {
		return ""
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("（）()·", r) {
			return ""
		}
	}
	return s
}

// agencyFromFile takes an agency name from a file name such as
// 「淮安市人民政府_2024」.
func agencyFromFile(base string) string {
	if i := strings.IndexAny(base, "_-0123456789 "); i >= 0 {
		base = base[:i]
	}
	return cleanAgency(base)
}

// publicationDate returns the date the report was published: one labelled
// as such anywhere, or a date line (with the signing agency before it) near
// the end. The statistical period's dates are not taken.
func (rd *reader) publicationDate() (date, signer string) {
	for _, l := range rd.lines {
		if !strings.Contains(l.compact, "日期") && !strings.Contains(l.compact, "时间") {
			continue
		}
		if g := labelledDay.FindStringSubmatch(l.compact); g != nil {
			if d := isoDate(g[1], g[2], g[3]); d != "" {
				return d, ""
			}
		}
	}
	from := max(0, len(rd.lines)-12)
	if o := rd.outline[part6]; o >= 0 && o < from {
		from = o
	}
	for i := len(rd.lines) - 1; i >= from; i-- {
		c := rd.lines[i].compact
		if !strings.HasSuffix(c, "日") {
			continue
		}
		if g := closingDay.FindStringSubmatch(c); g != nil {
			if d := isoDate(g[2], g[3], g[4]); d != "" {
				return d, rd.signer(i, g[1])
			}
		}
		if g := hanDay.FindStringSubmatch(c); g != nil {
			if d := isoDate(hanNumber(g[2], true), hanNumber(g[3], false), hanNumber(g[4], false)); d != "" {
				return d, rd.signer(i, g[1])
			}
		}
	}
	return "", ""
}

// signer is the agency that signs a report above its date.
func (rd *reader) signer(i int, sameLine string) string {
	if a := cleanAgency(sameLine); a != "" {
		return a
	}
	if i > 0 {
		return cleanAgency(rd.lines[i-1].compact)
	}
	return ""
}

// isoDate returns YYYY-MM-DD for a valid date, or "".
func isoDate(y, m, d string) string {
	yi, e1 := strconv.Atoi(y)
	mi, e2 := strconv.Atoi(m)
	di, e3 := strconv.Atoi(d)
	if e1 != nil || e2 != nil || e3 != nil || mi < 1 || mi > 12 || di < 1 || di > 31 {
		return ""
	}
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Day() != di {
		return ""
	}
	return t.Format(time.DateOnly)
}

// hanNumber turns a Chinese numeral into digits: a year digit by digit
// (「二〇二一」), a month or day by value (「二十」).
func hanNumber(s string, digits bool) string {
	value := map[rune]int{'〇': 0, '零': 0, '○': 0, 'Ｏ': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	if digits {
		var b strings.Builder
		for _, r := range s {
			b.WriteString(strconv.Itoa(value[r]))
		}
		return b.String()
	}
	n, tens := 0, false
	for _, r := range s {
		if r == '十' {
			tens = true
			if n == 0 {
				n = 1
			}
			n *= 10
			continue
		}
		n += value[r]
	}
	if tens || n > 0 {
		return strconv.Itoa(n)
	}
	return ""
}

// checkDeadline compares the publication date with the legal deadline of
// 条例第四十九条: 1月31日 for a department, 3月31日 for a 人民政府's own
// report.
func (rd *reader) checkDeadline(m meta) {
	if m.published == "" || m.year == 0 {
		return
	}
	deadline, who := fmt.Sprintf("%d-01-31", m.year+1), "县级以上人民政府部门应在每年 1 月 31 日前"
	if strings.HasSuffix(m.agency, "人民政府") {
		deadline, who = fmt.Sprintf("%d-03-31", m.year+1), "人民政府的年度报告应在每年 3 月 31 日前"
	}
	if m.published <= deadline {
		return
	}
	rd.add(report.Finding{Rule: RuleDeadline, Severity: report.SeverityWarning, Message: fmt.Sprintf(
		"发布日期 %s 晚于法定期限 %s（条例第四十九条：%s公布上一年度政府信息公开工作年度报告）", m.published, deadline, who)})
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, asciiLetter) >= 0
}
