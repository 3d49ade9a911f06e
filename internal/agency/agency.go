// Package agency models the agencies a gongkai platform hosts: a people's
// government and its departments, in a hierarchy, each with what its 公开指南
// and annual report need.
package agency

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/errs"
)

// Kind is what sort of agency it is. It decides the legal deadline of the
// annual report (条例第四十九条).
type Kind string

// Kinds of agency.
const (
	// Government is a people's government (人民政府).
	Government Kind = "government"
	// Department is a department of a government at county level or above (政府部门).
	Department Kind = "department"
)

// Label returns the Chinese name of the kind.
func (k Kind) Label() string {
	switch k {
	case Government:
		return "人民政府"
	case Department:
		return "政府部门"
	}
	return string(k)
}

// Agency is one government agency hosted on the platform.
type Agency struct {
	ID       int64
	ParentID int64 // 0 for a top-level agency
	Name     string
	// Code is the organisation code used in 索引号, e.g. "0142768-8".
	Code string
	Kind Kind
	// Office is the 政府信息公开工作机构 named in the 公开指南.
	Office    string
	Address   string
	Phone     string
	Email     string
	Hours     string // office hours for applicants
	CreatedAt time.Time
}

// ContactLine is how an applicant reaches the agency's 政府信息公开工作机构,
// in one line for a receipt or letter: the office, phone, address and
// e-mail that are set, "" when none is.
func (a *Agency) ContactLine() string {
	var parts []string
	for _, p := range [][2]string{{"", a.Office}, {"电话 ", a.Phone}, {"地址 ", a.Address}, {"电子邮箱 ", a.Email}} {
		if v := strings.TrimSpace(p[1]); v != "" {
			parts = append(parts, p[0]+v)
		}
	}
	return strings.Join(parts, "，")
}

var codePattern = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z-]{1,31}$`)

// Validate checks an agency before it is stored and normalises its text.
func (a *Agency) Validate() error {
	a.Name = strings.TrimSpace(a.Name)
	a.Code = strings.TrimSpace(a.Code)
	switch {
	case a.Name == "":
		return errs.Invalid("请填写机关名称")
	case utf8.RuneCountInString(a.Name) > 100:
		return errs.Invalid("机关名称不能超过100个字")
	case hasFormatting(a.Name):
		return errs.Invalid("机关名称含有不可见的控制字符")
	case !codePattern.MatchString(a.Code):
		return errs.Invalid("机关代码只能由字母、数字和连字符组成（2至32位），例如 0142768-8")
	case a.Kind != Government && a.Kind != Department:
		return errs.Invalid("机关类型必须是人民政府或政府部门")
	}
	return nil
}

// ReportDeadline returns the legal deadline for the annual report on the
// given year: 31 January of the next year for a department, 31 March for a
// people's government (条例第四十九条).
func (a *Agency) ReportDeadline(year int) time.Time {
	month := time.January
	if a.Kind == Government {
		month = time.March
	}
	return time.Date(year+1, month, 31, 0, 0, 0, 0, time.UTC)
}

// Tree answers questions about the hierarchy of a set of agencies.
type Tree struct {
	parent map[int64]int64
}

// NewTree indexes the given agencies by parent.
func NewTree(all []Agency) *Tree {
	t := &Tree{parent: make(map[int64]int64, len(all))}
	for _, a := range all {
		t.parent[a.ID] = a.ParentID
	}
	return t
}

// Within reports whether agency id is ancestor itself or lies below it.
func (t *Tree) Within(id, ancestor int64) bool {
	for seen := 0; id != 0 && seen <= len(t.parent); seen++ {
		if id == ancestor {
			return true
		}
		id = t.parent[id]
	}
	return false
}

// WouldCycle reports whether making parent the parent of id would put id
// below itself.
func (t *Tree) WouldCycle(id, parent int64) bool {
	return id != 0 && t.Within(parent, id)
}

// hasFormatting reports whether s holds control or bidirectional-override
// characters, which can make a name display as something it is not.
func hasFormatting(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F {
			return true
		}
	}
	return false
}
