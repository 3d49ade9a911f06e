package catalog

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/idnumber"
)

// FindingKind is what the privacy and secrecy scan found.
type FindingKind string

// The kinds of finding.
const (
	FindIDNumber FindingKind = "id_number" // 居民身份证号码
	FindMobile   FindingKind = "mobile"    // 手机号码
	FindBankCard FindingKind = "bank_card" // 银行卡号
	FindEmail    FindingKind = "email"     // 电子邮箱
	FindSecrecy  FindingKind = "secrecy"   // 密级标志
	FindWord     FindingKind = "word"      // 本机关敏感词
)

// Label returns the Chinese name.
func (k FindingKind) Label() string {
	return map[FindingKind]string{FindIDNumber: "身份证号码", FindMobile: "手机号码", FindBankCard: "银行卡号",
		FindEmail: "电子邮箱", FindSecrecy: "密级标志", FindWord: "敏感词"}[k]
}

// Finding is one hit of the scan, shown to the reviewer in its context.
type Finding struct {
	Kind   FindingKind
	Source string // 标题, 正文, or an attachment's file name
	Match  string
	Offset int    // byte offset of Match in the scanned text
	Before string // up to ContextRunes characters before the match
	After  string // and after it
}

// ContextRunes is how much text a finding shows either side.
const ContextRunes = 20

// Scanner looks for personal data and secrecy markings that must not be
// published. Words is the agency's own list; Today bounds believable birth
// dates in ID numbers.
type Scanner struct {
	Words []string
	Today calendar.Date
}

var (
	reID     = regexp.MustCompile(`\b\d{17}[\dXx]\b`)
	reMobile = regexp.MustCompile(`\b1[3-9]\d(?:[- ]?\d{4}){2}\b`)
	reCard   = regexp.MustCompile(`\b\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?\b`)
	reEmail  = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	// A classification (绝密, 机密, 秘密) counts as a marking when it is
	// followed by ★ or a 保密期限, or stands at the start of a line, or after
	// 密级; 国家秘密 and 商业秘密 in running text are not markings.
	reClass    = regexp.MustCompile(`(?m)(绝密|机密|秘密)\s*(?:★|☆|\*)[0-9一二三四五六七八九十]*年?|(?:密级[：:]?\s*|^\s*)(绝密|机密|秘密)`)
	reInternal = regexp.MustCompile(`(?m)内部(?:资料|文件|刊物|使用|参考|传阅|发行|明电|事项)|^\s*内部\s*$`)
	reStar     = regexp.MustCompile(`★`)
)

type span struct{ start, end int }

// Scan returns the findings in text, in order of position. source names
// where text came from.
func (s Scanner) Scan(source, text string) []Finding {
	var out []Finding
	var taken []span
	add := func(kind FindingKind, start, end int) {
		for _, t := range taken {
			if start < t.end && t.start < end {
				return
			}
		}
		taken = append(taken, span{start, end})
		out = append(out, Finding{Kind: kind, Source: source, Match: text[start:end], Offset: start,
			Before: tailRunes(text[:start], ContextRunes), After: headRunes(text[end:], ContextRunes)})
	}
	for _, m := range reID.FindAllStringIndex(text, -1) {
		if _, err := idnumber.ParseResident(text[m[0]:m[1]], s.today()); err == nil {
			add(FindIDNumber, m[0], m[1])
		}
	}
	for _, m := range reCard.FindAllStringIndex(text, -1) {
		if digits := onlyDigits(text[m[0]:m[1]]); len(digits) >= 16 && len(digits) <= 19 && strings.ContainsRune("3456", rune(digits[0])) && luhn(digits) {
			add(FindBankCard, m[0], m[1])
		}
	}
	for _, m := range reMobile.FindAllStringIndex(text, -1) {
		add(FindMobile, m[0], m[1])
	}
	for _, m := range reEmail.FindAllStringIndex(text, -1) {
		add(FindEmail, m[0], m[1])
	}
	for _, m := range reClass.FindAllStringSubmatchIndex(text, -1) {
		if m[2] >= 0 {
			add(FindSecrecy, m[2], m[1]) // the classification with its ★ and period
		} else {
			add(FindSecrecy, m[4], m[5])
		}
	}
	for _, re := range []*regexp.Regexp{reInternal, reStar} {
		for _, m := range re.FindAllStringIndex(text, -1) {
			add(FindSecrecy, m[0], m[1])
		}
	}
	hay, fold := text, strings.ToLower
	if lower := strings.ToLower(text); len(lower) == len(text) {
		hay = lower // same offsets: search case-insensitively
	} else {
		fold = func(s string) string { return s }
	}
	for _, w := range s.Words {
		w = fold(strings.TrimSpace(w))
		if w == "" {
			continue
		}
		for i := 0; ; {
			j := strings.Index(hay[i:], w)
			if j < 0 {
				break
			}
			add(FindWord, i+j, i+j+len(w))
			i += j + len(w)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Offset < out[j].Offset })
	return out
}

func (s Scanner) today() calendar.Date {
	if s.Today.IsZero() {
		return calendar.NewDate(2100, 1, 1)
	}
	return s.Today
}

func onlyDigits(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// luhn checks the Luhn (mod 10) check digit of bank card numbers.
func luhn(digits string) bool {
	sum := 0
	for i := 0; i < len(digits); i++ {
		d := int(digits[len(digits)-1-i] - '0')
		if i%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

func tailRunes(s string, n int) string {
	for i := len(s); i > 0; {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if n--; n == 0 {
			return strings.TrimLeft(s[i:], "\n")
		}
	}
	return s
}

func headRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
