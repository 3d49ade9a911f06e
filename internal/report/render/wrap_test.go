package render

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrapText(t *testing.T) {
	// Every character is one unit wide.
	measure := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	tests := []struct {
		text  string
		width float64
		want  []string
	}{
		{"本年新制作数量", 3, []string{"本年新", "制作数", "量"}},
		{"收到申请，均已办理", 4, []string{"收到申", "请，均已", "办理"}},
		{"一二三四五六七八九十", 4, []string{"一二三四", "五六七八", "九十"}},
		{"共发布信息758条", 7, []string{"共发布信息", "758条"}},
		{"a b", 10, []string{"a b"}},
		{"甲\n乙", 10, []string{"甲", "乙"}},
		{"", 5, []string{""}},
		// 禁则: as many characters move down as it takes.
		{"甲乙丙。”丁", 4, []string{"甲乙", "丙。”丁"}},
		{"甲乙丙“丁”", 4, []string{"甲乙丙", "“丁”"}},
	}
	for _, tt := range tests {
		got := wrapText(tt.text, tt.width, measure)
		if !slices.Equal(got, tt.want) {
			t.Errorf("wrapText(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

// FuzzWrapText checks that wrapping loses no character and keeps lines
// within the width unless a single unbreakable run is wider.
func FuzzWrapText(f *testing.F) {
	for _, s := range []string{"收到申请，均已办理", "共发布信息758条", "a bb  ccc", "（一）予以公开", "\n\n"} {
		f.Add(s, 4.0)
	}
	measure := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width < 1 || width > 100 {
			t.Skip()
		}
		lines := wrapText(text, width, measure)
		strip := func(s string) string { return strings.NewReplacer(" ", "", "\n", "").Replace(s) }
		if got, want := strip(strings.Join(lines, "")), strip(text); got != want {
			t.Fatalf("wrapText(%q, %v) = %q: characters lost", text, width, lines)
		}
		for _, l := range lines {
			if measure(l) > width && strings.ContainsFunc(l, wide) && !strings.ContainsAny(l, closing) {
				t.Fatalf("line %q wider than %v", l, width)
			}
		}
	})
}
