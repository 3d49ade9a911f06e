package cases

import (
	"strings"
	"testing"
)

func TestPublicTimeline(t *testing.T) {
	c := &Case{
		Pauses:    []Pause{{Kind: PauseFee, Start: day("2026-06-03")}, {Kind: PauseThirdParty, Start: day("2026-06-04"), Whom: "长治市某某信息技术有限公司"}},
		Extension: Extension{Days: 10, NewDue: day("2026-07-14"), ApprovedBy: "spj-approver"},
	}
	tests := []struct {
		ev         Event
		want, omit string // omit "" and want "" drop the step
	}{
		{Event{Kind: "submitted", On: day("2026-06-01")}, "通过互联网提交申请", ""},
		{Event{Kind: "confirmed", On: day("2026-06-01"), Note: "确认收到申请"}, "第三十一条", ""},
		{Event{Kind: "correction_requested", Note: "补正事项：请写明年份；补正期限为收到通知之日起 10 个工作日"}, "补正事项：请写明年份；补正期限为收到通知之日起 10 个工作日", ""},
		{Event{Kind: "corrected"}, "重新起算", ""},
		{Event{Kind: "consultation_started", Note: "征求第三方意见（第三十二条）：长治市某某信息技术有限公司；…"}, "征求第三方意见中（第三十二条）", "某某信息技术"},
		{Event{Kind: "consultation_ended", Note: "征求意见结束：不同意公开"}, "恢复计算", "不同意"},
		{Event{Kind: "extension_requested", Note: "申请延长答复期限 10 个工作日：内部原因"}, "", ""},
		{Event{Kind: "extension_refused", Note: "spj-approver 不予批准延期：x"}, "", ""},
		{Event{Kind: "extension_approved", Note: "spj-approver 批准延长答复期限 10 个工作日"}, "延长答复期限 10 个工作日（第三十三条第二款），延长后的答复期限为 2026-07-14", "spj-approver"},
		{Event{Kind: "fee_notice", Note: "按件计收，共 100 元：…"}, "共 100 元", ""},
		{Event{Kind: "transferred", Note: "转交 长治市教育局 办理：所需信息由教育局制作"}, "所需信息由教育局制作", ""},
		{Event{Kind: "closed", Note: "予以公开。理由：联系 13912340000。依据：第三十六条"}, "办结：予以公开", "13912340000"},
		{Event{Kind: "letter", Note: "出具《征求意见书》"}, "", ""},
	}
	for _, tt := range tests {
		steps := PublicTimeline(c, []Event{tt.ev})
		if tt.want == "" {
			if len(steps) != 0 {
				t.Errorf("%s: shown to the applicant as %q", tt.ev.Kind, steps[0].Text)
			}
			continue
		}
		if len(steps) != 1 {
			t.Fatalf("%s: %d steps", tt.ev.Kind, len(steps))
		}
		if s := steps[0]; !strings.Contains(s.Text, tt.want) || tt.omit != "" && strings.Contains(s.Text, tt.omit) || s.On != tt.ev.On {
			t.Errorf("%s: %s %q, want %q without %q", tt.ev.Kind, s.On, s.Text, tt.want, tt.omit)
		}
	}
	// The n-th consultation step reads the n-th consultation, not the fee.
	two := &Case{Pauses: []Pause{{Kind: PauseThirdParty}, {Kind: PauseFee}, {Kind: PauseAgency}}}
	steps := PublicTimeline(two, []Event{{Kind: "consultation_started"}, {Kind: "consultation_started"}})
	if len(steps) != 2 || !strings.Contains(steps[1].Text, "第三十四条") {
		t.Errorf("second consultation: %v", steps)
	}
}
