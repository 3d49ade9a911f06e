package cases

import (
	"strconv"

	"github.com/gongkai/gongkai/internal/calendar"
)

// Step is one step of a case as the applicant reads it on the status
// page: its day and what happened, in plain words.
type Step struct {
	On   calendar.Date
	Text string
}

// PublicTimeline turns the events of c, oldest first, into the applicant's
// timeline. Each step says what it means for the applicant: the items and
// period of a 补正, the pause of a consultation, the new deadline of an
// extension, the reason of a transfer, the outcome. Nothing names staff or
// a consulted third party (the whom of a consultation, an approver), steps
// internal to the agency (an extension asked for or refused) are left out,
// and letters are listed on their own. Free text is masked as the rest of
// the status page (MaskText).
func PublicTimeline(c *Case, events []Event) []Step {
	var consults []Pause
	for _, p := range c.Pauses {
		if p.Kind != PauseFee {
			consults = append(consults, p)
		}
	}
	out := make([]Step, 0, len(events))
	n := 0 // consultations seen
	for _, ev := range events {
		text := ""
		switch ev.Kind {
		case "submitted":
			text = "通过互联网提交申请，等待工作人员确认收到"
		case "received":
			text = "收到申请（" + ev.Note + "）"
		case "confirmed":
			text = "工作人员确认收到申请，该日为收到申请之日（第三十一条），答复期限自次日起算"
		case "correction_requested":
			text = "要求补正（第三十条）。" + ev.Note + "；逾期无正当理由不补正的，视为放弃申请"
		case "correction_delivered", "correction_submitted", "fee_paid", "transferred", "delivered":
			text = ev.Note
		case "corrected":
			text = "收到补正后的申请，答复期限自次日重新起算（第三十条）"
		case "consultation_started":
			text = "征求意见中，征求意见期间不计入答复期限"
			if n < len(consults) {
				text = consults[n].Kind.Label() + "中（" + consultArticle(consults[n].Kind) + "），征求意见期间不计入答复期限"
			}
			n++
		case "consultation_ended":
			text = "征求意见结束，答复期限恢复计算"
		case "extension_approved":
			text = "延长答复期限（第三十三条第二款）"
			if e := c.Extension; e.Days > 0 {
				text = "延长答复期限 " + strconv.Itoa(e.Days) + " 个工作日（第三十三条第二款）"
				if !e.NewDue.IsZero() {
					text += "，延长后的答复期限为 " + e.NewDue.String()
				}
			}
		case "extension_notified":
			text = "延期答复告知书已送达"
		case "fee_notice":
			text = "收取信息处理费：" + ev.Note + "。请自收到收费通知之日起20个工作日内缴纳（缴费方式见收费通知），缴费期间答复期限暂停计算；逾期未缴纳的，不再处理该申请"
		case "closed":
			text = "办结：" + ev.Note
		default: // extension_requested, extension_refused, letter, …
			continue
		}
		out = append(out, Step{On: ev.On, Text: MaskText(text)})
	}
	return out
}

// consultArticle is the article of the 条例 a consultation follows.
func consultArticle(k PauseKind) string {
	if k == PauseAgency {
		return "第三十四条"
	}
	return "第三十二条"
}
