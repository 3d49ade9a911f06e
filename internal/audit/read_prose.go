package audit

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/internal/report"
)

var (
	// proseReceived finds 「收到…申请…N件」 and 「收到N条…申请」.
	proseReceived = []*regexp.Regexp{
		regexp.MustCompile(`(?:收到|受理|接收|新收)[^。；，、\d]{0,20}?申请[^。；\d]{0,8}?(\d+)(?:件|条|个|份)`),
		regexp.MustCompile(`(?:收到|受理|接收|新收)[^。；，\d]{0,6}?(\d+)(?:件|条|个|份)[^。；\d]{0,14}?申请`),
	}
	proseReview     = regexp.MustCompile(`行政复议[^。；，、\d]{0,6}?(\d+)件`)
	proseLitigation = regexp.MustCompile(`行政诉讼[^。；，、\d]{0,6}?(\d+)件`)
	// notApplications are words that make a 「收到…申请」 about something else.
	notApplications = []string{"复议", "诉讼", "投诉", "举报", "咨询", "留言"}
	bookTitle       = regexp.MustCompile(`《[^》]*》`)
	feeAmount       = regexp.MustCompile(`(\d+(?:\.\d+)?)(万元|元)`)
	feeNone         = regexp.MustCompile(`(?:未|无|没有|不)(?:收取|产生|发生|涉及|存在)|无收取|收取[^。；]{0,12}?(?:为)?零|信息处理费(?:为|：|:)?(?:无|零)`)
)

// checkProse compares counts stated in the prose (parts 一, 五, 六) with
// the tables: applications received, administrative reviews and lawsuits.
func (rd *reader) checkProse() {
	unsure := unsureRows(rd.findings)
	text := joinCompact(rd.outline.prose(rd.lines))
	a := rd.rep.Applications
	if !anyUnsure(unsure, "三", "*", "received", "carried_in") {
		received := a["received"][report.ColTotal]
		seen := map[int]bool{}
		for _, re := range proseReceived {
			for _, m := range findInSentences(re, text, "申请") {
				n, err := strconv.Atoi(m[1])
				if err != nil || seen[n] || containsAny(m[0], notApplications) {
					continue
				}
				seen[n] = true
				if n == received || n == received+a["carried_in"][report.ColTotal] {
					continue
				}
				rd.mismatch("三", "received", n, received, fmt.Sprintf(
					"正文称「%s」，但第三部分表格「本年新收政府信息公开申请数量」总计为 %d", m[0], received))
			}
		}
	}
	if anyUnsure(unsure, "四", "*", "review", "litigation_direct", "litigation_after_review") {
		return
	}
	rl := rd.rep.ReviewLitigation
	rd.proseCount(text, proseReview, "review", rl.Review.Total, "行政复议总计")
	rd.proseCount(text, proseLitigation, "litigation", rl.LitigationDirect.Total+rl.LitigationAfterReview.Total, "行政诉讼（未经复议直接起诉与复议后起诉）总计之和")
}

// proseCount compares the first count re finds in text with a table figure.
func (rd *reader) proseCount(text string, re *regexp.Regexp, row string, table int, what string) {
	ms := findInSentences(re, text, "行政")
	if len(ms) == 0 {
		return
	}
	m := ms[0]
	n, err := strconv.Atoi(m[1])
	if err != nil || n == table {
		return
	}
	rd.mismatch("四", row, n, table, fmt.Sprintf("正文称「%s」，但第四部分表格%s为 %d", m[0], what, table))
}

func (rd *reader) mismatch(part, row string, prose, table int, msg string) {
	e, a := float64(table), float64(prose)
	rd.add(report.Finding{Rule: RuleTextTable, Severity: report.SeverityWarning, Part: part, Row: row, Column: "total", Expected: &e, Actual: &a, Message: msg})
}

// readFee reads part 六's statement of the 信息处理费 into InfoFeeYuan: the
// amount in 元, 0 when it says none was collected, nil when it says
// nothing about the fee.
func (rd *reader) readFee() {
	lines, ok := rd.outline.span(rd.lines, part6)
	if !ok {
		return
	}
	text := bookTitle.ReplaceAllString(joinCompact(lines), "")
	var amounts []float64
	none, mentioned := false, false
	for _, s := range strings.FieldsFunc(text, isSentenceEnd) {
		if !strings.Contains(s, "处理费") {
			continue
		}
		mentioned = true
		for _, m := range feeAmount.FindAllStringSubmatch(s, -1) {
			v, err := strconv.ParseFloat(m[1], 64)
			if err != nil {
				continue
			}
			if m[2] == "万元" {
				v *= 10000
			}
			amounts = append(amounts, v)
		}
		none = none || feeNone.MatchString(s)
	}
	switch {
	case len(amounts) == 1 || (len(amounts) > 1 && allEqual(amounts)):
		v := amounts[0]
		rd.rep.InfoFeeYuan = &v
	case len(amounts) > 1:
		rd.unsure(part6, "info_fee", fmt.Sprintf("第六部分关于信息处理费有多个金额（%v 元），无法确定全年收取金额", amounts))
	case none:
		v := 0.0
		rd.rep.InfoFeeYuan = &v
	case mentioned:
		rd.unsure(part6, "info_fee", "第六部分提到信息处理费，但未能读出收取金额")
	}
}

// findInSentences returns re's matches in the sentences of text that hold
// word, in order: matching sentence by sentence keeps the regular
// expressions off the bulk of the prose.
func findInSentences(re *regexp.Regexp, text, word string) [][]string {
	var out [][]string
	for _, s := range strings.FieldsFunc(text, isSentenceEnd) {
		if strings.Contains(s, word) {
			out = append(out, re.FindAllStringSubmatch(s, -1)...)
		}
	}
	return out
}

func isSentenceEnd(r rune) bool { return r == '。' || r == '；' || r == ';' }

func allEqual(vs []float64) bool {
	for _, v := range vs {
		if v != vs[0] {
			return false
		}
	}
	return true
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// joinCompact joins lines without spaces, as prose broken across lines
// reads.
func joinCompact(lines []textLine) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.compact)
	}
	return b.String()
}
