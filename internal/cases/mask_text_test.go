package cases

import (
	"strings"
	"testing"
)

func TestMaskText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"身份证11010519491231002X，电话13812345678", "身份证1101**********002X，电话138****5678"},
		{"请发到 zhang.san@example.com 谢谢", "请发到 z***@example.com 谢谢"},
		{"长政发〔2020〕12号文件", "长政发〔2020〕12号文件"},
		{"2020年度预算 123456", "2020年度预算 123456"},
	}
	for _, tt := range tests {
		if got := MaskText(tt.in); got != tt.want {
			t.Errorf("MaskText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMaskedCaseHidesWhatCouldBeReversed keeps the unsalted duplicate key
// and numbers typed into the request out of masked copies.
func TestMaskedCaseHidesWhatCouldBeReversed(t *testing.T) {
	c := Case{DuplicateKey: "6500ab51", Request: Request{Description: "本人身份证11010519491231002X的档案", Purpose: "联系13812345678"}}
	m := c.Masked()
	if m.DuplicateKey != "" {
		t.Errorf("masked case keeps the duplicate key %q", m.DuplicateKey)
	}
	if strings.Contains(m.Request.Description, "11010519491231002X") || strings.Contains(m.Request.Purpose, "13812345678") {
		t.Errorf("masked request keeps the numbers: %+v", m.Request)
	}
	if c.Request.Description != "本人身份证11010519491231002X的档案" {
		t.Error("Masked changed the original")
	}
}
