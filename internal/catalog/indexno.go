package catalog

import (
	"fmt"
	"strings"

	"github.com/gongkai/gongkai/internal/errs"
)

// IndexNo formats the 索引号 of the serial-th item of an agency in a year:
// `<agency code>/<year>-<5-digit serial>`, e.g. 0142768-8/2022-00185. The
// store hands out serials, unique per agency and year.
func IndexNo(agencyCode string, year, serial int) (string, error) {
	code := strings.TrimSpace(agencyCode)
	if code == "" || strings.ContainsAny(code, "/ ") {
		return "", errs.Invalid("机关代码 %q 不能用于索引号", agencyCode)
	}
	if year < 1900 || year > 9999 || serial < 1 || serial > 99999 {
		return "", errs.Invalid("索引号的年份或序号超出范围（%d 年第 %d 号）", year, serial)
	}
	return fmt.Sprintf("%s/%d-%05d", code, year, serial), nil
}
