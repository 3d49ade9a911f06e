package catalog

import (
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/errs"
)

// Column is a 栏目 of an agency's catalog; columns nest one level, like the
// seed's 行政权力 (权责清单, 运行流程图).
type Column struct {
	ID       int64
	AgencyID int64
	ParentID int64 // 0 for a top-level column
	Name     string
	Position int
}

// Validate checks a column's name.
func (c *Column) Validate() error {
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" {
		return errs.Invalid("请填写栏目名称")
	}
	if utf8.RuneCountInString(c.Name) > 60 {
		return errs.Invalid("栏目名称不能超过 60 字")
	}
	if c.ParentID != 0 && c.ParentID == c.ID {
		return errs.Invalid("上级栏目不能是本栏目")
	}
	return nil
}

// ColumnPath returns "parent / child" names for column id, as catalogs
// print them, given all of an agency's columns.
func ColumnPath(cols []Column, id int64) string {
	byID := make(map[int64]Column, len(cols))
	for _, c := range cols {
		byID[c.ID] = c
	}
	c, ok := byID[id]
	if !ok {
		return ""
	}
	if p, ok := byID[c.ParentID]; ok {
		return p.Name + " / " + c.Name
	}
	return c.Name
}

// StandardColumns are the catalogs of the key domains that the State
// Council's 基层政务公开标准化规范化 guidelines ask for, which the seed
// report names; an agency adds those that concern it.
var StandardColumns = []string{"公共资源交易", "义务教育", "卫生健康", "重大建设项目", "市政服务"}
