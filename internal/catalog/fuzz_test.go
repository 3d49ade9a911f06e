package catalog

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzScan checks that the scanner never panics and that every finding is
// where it says, whatever the text.
func FuzzScan(f *testing.F) {
	for _, s := range []string{"身份证140402198506121232", "秘密★1年", "a@b.cn 13800138000", "6222 0202 0011 2233 446", "内部\n"} {
		f.Add(s)
	}
	sc := Scanner{Words: []string{"敏感", "İ"}}
	f.Fuzz(func(t *testing.T, text string) {
		for _, fd := range sc.Scan("正文", text) {
			if fd.Offset < 0 || fd.Offset+len(fd.Match) > len(text) || text[fd.Offset:fd.Offset+len(fd.Match)] != fd.Match {
				t.Fatalf("finding %+v is not at its offset in %q", fd, text)
			}
			if utf8.ValidString(text) && (!utf8.ValidString(fd.Before) || !utf8.ValidString(fd.After)) {
				t.Fatalf("context cut inside a character: %+v", fd)
			}
		}
	})
}

// FuzzReadImport checks that any CSV is either read or refused, never a
// panic, and that accepted rows are valid items.
func FuzzReadImport(f *testing.F) {
	f.Add("标题,成文日期\n通知,2020-01-02\n")
	f.Add("\ufeff标题,成文日期,发布日期,栏目,有效性\n甲,2020-01-02,2020-01-03,工作动态,废止\n")
	f.Add("标题,成文日期\n\"未闭合,2020\n")
	cols := []Column{{ID: 1, Name: "工作动态"}}
	f.Fuzz(func(t *testing.T, data string) {
		items, bad, err := ReadImport("f.csv", []byte(data), cols)
		if err != nil {
			return
		}
		if len(items) > 0 && len(bad) > 0 {
			t.Fatal("items returned together with row errors")
		}
		for _, it := range items {
			if strings.TrimSpace(it.Title) == "" || it.WrittenOn.IsZero() {
				t.Fatalf("invalid item accepted: %+v", it)
			}
		}
	})
}
