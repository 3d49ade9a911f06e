package agency

import "testing"

func TestContactLine(t *testing.T) {
	tests := []struct {
		name string
		a    Agency
		want string
	}{
		{"none set", Agency{Name: "某局"}, ""},
		{"phone only", Agency{Phone: " 0355-1234567 "}, "电话 0355-1234567"},
		{"all", Agency{Office: "政务公开办公室", Phone: "0355-1234567", Address: "长治市太行东街1号", Email: "gk@example.gov.cn"},
			"政务公开办公室，电话 0355-1234567，地址 长治市太行东街1号，电子邮箱 gk@example.gov.cn"},
	}
	for _, tt := range tests {
		if got := tt.a.ContactLine(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
