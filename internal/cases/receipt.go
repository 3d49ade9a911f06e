package cases

import (
	"strings"

	"github.com/gongkai/gongkai/internal/calendar"
)

// Receipt is the 登记回执 of an application (第三十一条、第三十三条): what the
// applicant keeps after submitting, built once from the case and read by
// the receipt page and its PDF alike.
type Receipt struct {
	Agency    string
	Applicant string
	QueryNo   string
	// Secret is the status look-up code, shown only on the receipt.
	Secret    string
	Submitted calendar.Date
	Channel   Channel
	Request   string
	DocNumber string
	// Received is the day of receipt, zero while the application awaits
	// the staff's confirmation.
	Received calendar.Date
	// Due is the answer deadline; while unconfirmed it assumes the
	// application is confirmed on DueIfConfirmed. Zero while a correction
	// is awaited or once the case is closed.
	Due            calendar.Date
	DueIfConfirmed calendar.Date
	// Contact is the agency's 政府信息公开工作机构 and how to reach it.
	Contact string
}

// NewReceipt builds the receipt of c for the agency named agency, with its
// contact line and the look-up secret, as of today.
func NewReceipt(c *Case, agency, contact, secret string, cal *calendar.Calendar, today calendar.Date) Receipt {
	r := Receipt{Agency: agency, Applicant: c.Applicant.Name, QueryNo: c.QueryNo, Secret: secret,
		Submitted: calendar.DateOf(c.SubmittedAt), Channel: c.Channel, Request: c.Request.Description,
		DocNumber: c.Request.DocNumber, Received: c.Received, Contact: contact}
	switch {
	case c.Stage == StageAwaiting:
		on := today
		if r.Submitted.After(on) {
			on = r.Submitted
		}
		if d, err := ComputeAnswerDeadline(cal, AnswerFacts{Received: on}, on); err == nil {
			r.Due, r.DueIfConfirmed = d.Due, on
		}
	default:
		if d, ok := c.Deadline(cal, today); ok {
			r.Due = d.Due
		}
	}
	return r
}

// GroupSecret writes a look-up code in groups of four characters, for
// reading aloud and copying by hand; HashSecret ignores the spaces.
func GroupSecret(secret string) string {
	var b strings.Builder
	for i, r := range []rune(secret) {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ReceiptRule says how the day of receipt is set for the receipt's channel
// and, once set, which day it is.
func (r Receipt) ReceiptRule() string {
	rule := r.Channel.ReceiptRule()
	if r.Received.IsZero() {
		return "收到申请之日" + rule + "。工作人员确认收到后，收到申请之日将显示在办理进度中。"
	}
	return "收到申请之日为" + dateCN(r.Received) + "（" + rule + "）。"
}

// DueText says when the answer is due, in words for the applicant.
func (r Receipt) DueText() string {
	const rule = "行政机关应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（第三十三条第二款）。"
	switch {
	case !r.DueIfConfirmed.IsZero():
		return rule + "如于" + dateCN(r.DueIfConfirmed) + "确认收到，预计最迟于" + dateCN(r.Due) + "答复；确认收到之日推迟的，答复期限相应顺延。"
	case !r.Due.IsZero():
		return rule + "本申请的答复期限为" + dateCN(r.Due) + "。"
	}
	return rule + "答复期限以办理进度中显示的为准。"
}

// Paragraphs are the body of the 登记回执 letter, addressed to the
// applicant in the second person.
func (r Receipt) Paragraphs() []string {
	req := "「" + r.Request + "」"
	if r.DocNumber != "" {
		req += "（文号：" + r.DocNumber + "）"
	}
	out := []string{
		"你于" + dateCN(r.Submitted) + "通过" + r.Channel.Label() + "向本机关提交的政府信息公开申请已登记，查询号为" + r.QueryNo +
			"，查询码为" + GroupSecret(r.Secret) + "。凭查询号和查询码可在本平台查询办理进度，请妥善保管查询码，遗失后无法找回。",
		"你申请获取的政府信息：" + req + "。",
		r.ReceiptRule(),
		r.DueText(),
	}
	if r.Contact != "" {
		out = append(out, "联系方式："+r.Contact+"。")
	}
	return out
}
