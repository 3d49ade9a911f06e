package annual

import (
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/internal/errs"
)

// parseFigure reads a figure as staff type it: digits with an optional
// sign (本年增/减), thousands separators and, for amounts, decimals.
func parseFigure(s, column string) (float64, error) {
	s = strings.NewReplacer(",", "", "，", "", " ", "", "＋", "+", "－", "-").Replace(strings.TrimSpace(s))
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != v {
		return 0, errs.Invalid("「%s」不是有效的数字", s)
	}
	if column != "amount_wan" && v != float64(int64(v)) {
		return 0, errs.Invalid("「%s」应为整数", s)
	}
	if v < 0 && column != "change" {
		return 0, errs.Invalid("「%s」不能为负数", s)
	}
	if v > 1e12 || v < -1e12 {
		return 0, errs.Invalid("「%s」过大", s)
	}
	return v, nil
}
