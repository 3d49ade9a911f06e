package cases

import (
	"strings"
	"testing"
)

// TestApplicantNotice notifies only the steps that concern the applicant,
// only with an e-mail address, masks free text from staff and never
// carries the status code.
func TestApplicantNotice(t *testing.T) {
	c := &Case{QueryNo: "YS2026-ABCD1234", SecretHash: HashSecret("SECRETCODE"), Applicant: Applicant{Email: "zhangsan@example.com"}}
	tests := []struct {
		name  string
		email string
		ev    Event
		ok    bool
		want  string
		never string
	}{
		{"confirmed", "zhangsan@example.com", Event{Kind: "confirmed"}, true, "确认收到您的申请", ""},
		{"transfer masks a phone", "zhangsan@example.com", Event{Kind: "transferred", Note: "转交 长治市自然资源局 办理：经办人 13812345678"}, true, "转交 长治市自然资源局 办理", "13812345678"},
		{"consultation is internal", "zhangsan@example.com", Event{Kind: "consultation_started", Note: "王五"}, false, "", ""},
		{"extension asked is internal", "zhangsan@example.com", Event{Kind: "extension_requested"}, false, "", ""},
		{"no e-mail", "", Event{Kind: "confirmed"}, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.Applicant.Email = tt.email
			n, ok := ApplicantNotice(c, tt.ev)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if !strings.Contains(n.Text, tt.want) || (tt.never != "" && strings.Contains(n.Text, tt.never)) || strings.Contains(n.Text, "SECRETCODE") {
				t.Errorf("text %q", n.Text)
			}
			if n.To != tt.email || n.Path != "/cases/status?no=YS2026-ABCD1234" || !strings.Contains(n.Subject(), "YS2026-ABCD1234") {
				t.Errorf("notice %+v", n)
			}
		})
	}
}
