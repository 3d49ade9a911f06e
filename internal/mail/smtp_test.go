package mail

import "testing"

// TestParseSMTP reads the --smtp URL: ports by scheme, the user and
// password, the sender required.
func TestParseSMTP(t *testing.T) {
	tests := []struct {
		raw      string
		ok       bool
		addr     string
		user     string
		implicit bool
	}{
		{"smtp://xxgk:p%40ss@mail.example.gov.cn:587?from=xxgk@example.gov.cn", true, "mail.example.gov.cn:587", "xxgk", false},
		{"smtp://mail.example.gov.cn?from=xxgk@example.gov.cn", true, "mail.example.gov.cn:587", "", false},
		{"smtps://u:p@mail.example.gov.cn?from=xxgk@example.gov.cn", true, "mail.example.gov.cn:465", "u", true},
		{"smtp://mail.example.gov.cn:25", false, "", "", false},
		{"smtp://mail.example.gov.cn?from=not-an-address", false, "", "", false},
		{"http://mail.example.gov.cn?from=xxgk@example.gov.cn", false, "", "", false},
		{"smtp://?from=xxgk@example.gov.cn", false, "", "", false},
	}
	for _, tt := range tests {
		s, err := ParseSMTP(tt.raw)
		if (err == nil) != tt.ok {
			t.Errorf("%s: err %v", tt.raw, err)
			continue
		}
		if tt.ok && (s.Addr != tt.addr || s.User != tt.user || s.ImplicitTLS != tt.implicit || s.From != "xxgk@example.gov.cn") {
			t.Errorf("%s: %+v", tt.raw, s)
		}
	}
	if s, _ := ParseSMTP("smtp://xxgk:p%40ss@h?from=a@b.cn"); s.Password != "p@ss" {
		t.Errorf("password %q", s.Password)
	}
}
