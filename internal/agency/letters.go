package agency

import (
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/errs"
)

// LetterSettings are what an agency's letters state beyond its own name:
// where an applicant may apply for 行政复议 (ReviewBody), which court hears
// a lawsuit against the agency (Court), and how a 信息处理费 is paid
// (Payment: an account or the 非税收入 payment channel). The first two are
// named in every answer; a letter is refused while either is unset.
type LetterSettings struct {
	ReviewBody string
	Court      string
	Payment    string
}

// MaxSetting bounds each setting, in characters.
const MaxSetting = 300

// Validate normalises the settings and checks their lengths. Empty values
// are allowed (the letters needing them are refused), a bare 「人民法院」
// is not: a court is named in full.
func (s *LetterSettings) Validate() error {
	s.ReviewBody, s.Court, s.Payment = strings.TrimSpace(s.ReviewBody), strings.TrimSpace(s.Court), strings.TrimSpace(s.Payment)
	for _, v := range []string{s.ReviewBody, s.Court, s.Payment} {
		if utf8.RuneCountInString(v) > MaxSetting || hasFormatting(v) {
			return errs.Invalid("文书设置每项不能超过 %d 字，也不能含有控制字符", MaxSetting)
		}
	}
	switch {
	case s.Court != "" && (s.Court == "人民法院" || !strings.HasSuffix(s.Court, "法院")):
		return errs.Invalid("请填写管辖法院的全称，例如“长治市潞州区人民法院”")
	case s.ReviewBody != "" && utf8.RuneCountInString(s.ReviewBody) < 4:
		return errs.Invalid("请填写复议机关的全称，例如“长治市人民政府”")
	}
	return nil
}

// DefaultReviewBody suggests the 复议机关 of a from the agency tree, given
// its ancestors nearest first, for the agency admin to confirm. Since the
// 行政复议法 as revised in 2023 (in force 2024-01-01) a government
// department is appealed to the people's government at its level (the
// nearest government above it), and a government to the government one
// level up. A department under vertical leadership (税务, 海关, 金融 and the
// like) is appealed to the competent body one level up instead, which the
// tree cannot tell: the admin changes the suggestion. "" when the tree
// names no government above a.
func DefaultReviewBody(a Agency, ancestors []Agency) string {
	for _, p := range ancestors {
		if p.Kind == Government {
			return p.Name
		}
	}
	return ""
}
