package render

import (
	"slices"
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
		{"收到申请，均已办理", 4, []string{"收到申请，", "均已办理"}},
		{"共发布信息758条", 7, []string{"共发布信息", "758条"}},
		{"a b", 10, []string{"a b"}},
		{"甲\n乙", 10, []string{"甲", "乙"}},
		{"", 5, []string{""}},
	}
	for _, tt := range tests {
		got := wrapText(tt.text, tt.width, measure)
		if !slices.Equal(got, tt.want) {
			t.Errorf("wrapText(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}
