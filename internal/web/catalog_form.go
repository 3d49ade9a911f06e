package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
)

// fieldReader reads optional numbers and dates from a form or a query,
// keeping the first error: blank fields are zero.
type fieldReader struct {
	v   url.Values
	err error
}

// id reads a non-negative integer field.
func (f *fieldReader) id(name, label string) int64 {
	s := strings.TrimSpace(f.v.Get(name))
	if s == "" || f.err != nil {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		f.err = errs.Invalid("%s应为数字", label)
	}
	return n
}

// date reads a YYYY-MM-DD field.
func (f *fieldReader) date(name, label string) calendar.Date {
	s := strings.TrimSpace(f.v.Get(name))
	if s == "" || f.err != nil {
		return calendar.Date{}
	}
	d, err := calendar.ParseDate(s)
	if err != nil {
		f.err = errs.Invalid("%s无效，应为 YYYY-MM-DD", label)
	}
	return d
}
