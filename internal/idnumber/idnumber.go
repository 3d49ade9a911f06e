// Package idnumber checks the identity numbers an applicant for
// information gives (居民身份证号码, GB 11643-1999; 统一社会信用代码,
// GB 32100-2015) and recognises them in text: the case workflow checks an
// applicant's number with it, and the catalog's privacy scan uses it to
// tell a real 身份证号码 in a document to be published from any 18 digits.
// It has no dependency on either.
package idnumber

import (
	"fmt"
	"strings"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
)

// Resident is a checked 18-digit 居民身份证 number (GB 11643-1999).
type Resident struct {
	Number string        // 18 characters, a final x written as X
	Birth  calendar.Date // the birth date it encodes
}

// residentWeights are the GB 11643 weights 2^(17-i) mod 11.
var residentWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// residentCheck maps the weighted sum mod 11 to the check character.
const residentCheck = "10X98765432"

// provinces are the first two digits a 居民身份证 (or a residence permit of
// Hong Kong, Macao and Taiwan residents: 81, 82, 83) may start with.
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

// maxAge bounds a believable birth date.
const maxAge = 150

// ParseResident checks an 18-digit 居民身份证 number: its length and
// characters, the province code, the birth date (a real date, not after
// today, at most 150 years ago) and the GB 11643 check character. Spaces
// around it and a lower-case x are accepted. A rejection is an
// errs.ErrInvalid with a Chinese message for the applicant.
func ParseResident(s string, today calendar.Date) (Resident, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	fail := func(format string, args ...any) (Resident, error) {
		return Resident{}, errs.Invalid("居民身份证号码无效：%s", fmt.Sprintf(format, args...))
	}
	r := []rune(s)
	if len(r) != 18 {
		return fail("应为 18 位，实际 %d 位", len(r))
	}
	sum := 0
	for i, c := range r[:17] {
		if c < '0' || c > '9' {
			return fail("前 17 位只能是数字，第 %d 位是 %q", i+1, c)
		}
		sum += int(c-'0') * residentWeights[i]
	}
	if last := r[17]; (last < '0' || last > '9') && last != 'X' {
		return fail("第 18 位只能是数字或 X，而不是 %q", last)
	}
	if !provinces[s[:2]] {
		return fail("开头的行政区划代码 %s 不存在", s[:6])
	}
	birth, err := calendar.ParseDate(s[6:10] + "-" + s[10:12] + "-" + s[12:14])
	if err != nil {
		return fail("第 7—14 位的出生日期 %s 不是有效日期", s[6:14])
	}
	if birth.After(today) || birth.Before(calendar.NewDate(today.Year-maxAge, today.Month, today.Day)) {
		return fail("出生日期 %s 不合理", birth)
	}
	if want := residentCheck[sum%11]; s[17] != want {
		return fail("校验码不正确（请核对号码是否输错）")
	}
	return Resident{Number: s, Birth: birth}, nil
}

// Female reports whether the number is a woman's: the 17th digit is even.
func (id Resident) Female() bool { return (id.Number[16]-'0')%2 == 0 }

// Age returns the age in whole years on the given day.
func (id Resident) Age(on calendar.Date) int {
	age := on.Year - id.Birth.Year
	if on.Month < id.Birth.Month || (on.Month == id.Birth.Month && on.Day < id.Birth.Day) {
		age--
	}
	return age
}

// creditChars are the 31 characters of a 统一社会信用代码 (GB 32100-2015),
// in the order of their values 0–30: no I, O, S, V or Z.
const creditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditWeights are the GB 32100 weights 3^i mod 31.
var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// ParseCreditCode checks an 18-character 统一社会信用代码 (GB 32100-2015):
// its length, its characters, the six-digit administrative division code in
// positions 3–8 and the check character. It returns the code in upper case;
// a rejection is an errs.ErrInvalid with a Chinese message.
func ParseCreditCode(s string) (string, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	fail := func(format string, args ...any) (string, error) {
		return "", errs.Invalid("统一社会信用代码无效：%s", fmt.Sprintf(format, args...))
	}
	r := []rune(s)
	if len(r) != 18 {
		return fail("应为 18 位，实际 %d 位", len(r))
	}
	sum := 0
	for i, c := range r {
		v := strings.IndexRune(creditChars, c)
		if v < 0 {
			return fail("第 %d 位 %q 不是允许的字符（数字或除 I、O、S、V、Z 外的大写字母）", i+1, c)
		}
		if i >= 2 && i < 8 && v > 9 {
			return fail("第 3—8 位应为行政区划代码（数字）")
		}
		if i < 17 {
			sum += v * creditWeights[i]
		}
	}
	if want := creditChars[(31-sum%31)%31]; s[17] != want {
		return fail("校验码不正确（请核对代码是否输错）")
	}
	return s, nil
}
