package audit

import (
	"strings"
	"testing"
)

func TestReadStream(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		labels string
		cells  string // raw cells with flags: ! bad, _ blank
	}{
		{"row", "（一）予以公开 2 0 0 0 0 0 2", "一予以公开", "2 0 0 0 0 0 2"},
		{"item numbers", "1.属于国家秘密 3\n2、重复申请 4", "1属于国家秘密2重复申请", "3 4"},
		{"signs and full width", "行政许可 １６１ ＋１４ －３", "行政许可", "161 +14 -3"},
		{"blank marks", "规章 — / -", "规章", "_ _ _"},
		{"thousands and decimals", "收费 1,234,567 44.2", "收费", "1,234,567 44.2"},
		{"units", "采购 442000元 12万 3件", "采购", "442000 12 3"},
		{"label digits", "第1项 2024年 截至12月 77%", "第1项2024年截至12月77", ""},
		{"letters", "许可 1O l2", "许可Ol", "!1O !l2"},
		{"glued text", "许可 12余", "许可余", "!12余"},
		{"page number dropped", "行政强制 1\n- 8 -\n2", "行政强制", "1 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := readStream(splitLines(tt.text))
			if s.labels != tt.labels {
				t.Errorf("labels = %q, want %q", s.labels, tt.labels)
			}
			var cells []string
			for _, c := range s.cells {
				switch {
				case c.bad:
					cells = append(cells, "!"+c.raw)
				case c.blank:
					cells = append(cells, "_")
				default:
					cells = append(cells, c.raw)
				}
			}
			if got := strings.Join(cells, " "); got != tt.cells {
				t.Errorf("cells = %q, want %q", got, tt.cells)
			}
		})
	}
}

func TestRowKeys(t *testing.T) {
	tests := []struct{ key, label, want string }{
		{"withheld.state_secret", "1.属于国家秘密", "1属于国家秘密 属于国家秘密"},
		{"disclosed", "（一）予以公开", "一予以公开 予以公开"},
		{"withheld.three_safeties", "3.危及“三安全一稳定”", "3危及三安全一 危及三安全一"},
		{"other.other", "3.其他", "3其他 其他 其他"},
		{"rules", "规章", "规章"},
	}
	for _, tt := range tests {
		if got := strings.Join(rowKeys(tt.key, tt.label), " "); got != tt.want {
			t.Errorf("rowKeys(%s) = %q, want %q", tt.label, got, tt.want)
		}
	}
}
