package cases

import (
	"strings"
	"testing"
	"time"
)

func TestNewReceipt(t *testing.T) {
	cal := testCalendar(t)
	submitted := time.Date(2026, 6, 1, 2, 0, 0, 0, time.UTC) // a Monday
	tests := []struct {
		name       string
		stage      Stage
		received   string
		today      string
		due        string
		ifConfirm  string
		rule, text string
	}{
		// 20 working days after 1 June, the 端午 holiday of 19 June skipped.
		{"awaiting, seen the same day", StageAwaiting, "", "2026-06-01", "2026-06-30", "2026-06-01", "工作人员确认收到后", "如于2026年6月1日确认收到，预计最迟于2026年6月30日答复"},
		{"awaiting, seen the next day", StageAwaiting, "", "2026-06-02", "2026-07-01", "2026-06-02", "以双方确认之日", "如于2026年6月2日确认收到"},
		{"confirmed", StageInProgress, "2026-06-01", "2026-06-03", "2026-06-30", "", "收到申请之日为2026年6月1日", "本申请的答复期限为2026年6月30日"},
		{"awaiting a correction", StageCorrection, "2026-06-01", "2026-06-03", "", "", "收到申请之日为2026年6月1日", "以办理进度中显示的为准"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Case{QueryNo: "GK2026-0A1B2C3D", Channel: ChannelOnline, Stage: tt.stage, SubmittedAt: submitted,
				Received: day(tt.received), Applicant: Applicant{Name: "孙小梅"}, Request: Request{Description: "2025年窗口办件量"}}
			r := NewReceipt(c, "长治市行政审批服务管理局", "政务公开办公室，电话 0355-1234567", "0123456789ABCDEF01234567", cal, day(tt.today))
			if r.Due != day(tt.due) || r.DueIfConfirmed != day(tt.ifConfirm) {
				t.Errorf("due %s if confirmed %s, want %s and %s", r.Due, r.DueIfConfirmed, tt.due, tt.ifConfirm)
			}
			body := strings.Join(r.Paragraphs(), "\n")
			for _, want := range []string{"GK2026-0A1B2C3D", "0123 4567 89AB CDEF 0123 4567", "「2025年窗口办件量」",
				"2026年6月1日通过互联网渠道", "第三十一条第（三）项", "第三十三条第二款", "0355-1234567", tt.rule, tt.text} {
				if !strings.Contains(body, want) {
					t.Errorf("receipt lacks %q:\n%s", want, body)
				}
			}
		})
	}
}

func TestHashSecretIgnoresGrouping(t *testing.T) {
	want := HashSecret("0123456789ABCDEF01234567")
	for _, typed := range []string{"0123 4567 89AB CDEF 0123 4567", " 0123-4567-89ab-cdef-0123-4567 ", "0123\u00a04567 89AB CDEF 01234567"} {
		if HashSecret(typed) != want {
			t.Errorf("HashSecret(%q) differs from the ungrouped code's", typed)
		}
	}
	if HashSecret("0123456789ABCDEF01234568") == want {
		t.Error("another code hashes the same")
	}
}
