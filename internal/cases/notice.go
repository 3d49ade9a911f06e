package cases

import (
	"net/url"
	"strconv"
	"strings"
)

// Notice is what an applicant is told by e-mail of one step of their case:
// the query number, a plain line of what happened and the path of the
// status page. It never carries the status code, and free text from staff
// is masked as on the status page (MaskText), so no one else's personal
// data goes out.
type Notice struct {
	To      string // the applicant's e-mail address
	QueryNo string
	Kind    string // the event's kind, e.g. "confirmed"
	Text    string
	Path    string // the status page with the number filled in
}

// Subject is the e-mail's subject: what it is about and the query number.
func (n Notice) Subject() string {
	return "政府信息公开申请 " + n.QueryNo + " 办理进度"
}

// StatusPath is the path of the public status page with queryNo filled in;
// the applicant still needs the code, which no message carries.
func StatusPath(queryNo string) string {
	return "/cases/status?no=" + url.QueryEscape(queryNo)
}

// ApplicantNotice returns the notice of ev for the applicant of c, as saved
// after the step; ok is false when the step does not concern the applicant
// (internal steps, consultations, letters) or they gave no e-mail address.
// The steps notified are: confirmed, 补正 requested, extension approved,
// fee notice, closed (answered) and transferred.
func ApplicantNotice(c *Case, ev Event) (n Notice, ok bool) {
	to := strings.TrimSpace(c.Applicant.Email)
	if to == "" || !strings.Contains(to, "@") {
		return Notice{}, false
	}
	var text string
	switch ev.Kind {
	case "confirmed":
		text = "工作人员已确认收到您的申请，收到申请之日为 " + c.Received.String() + "，答复期限自次日起算。"
	case "correction_requested":
		text = "行政机关要求您补正申请内容（第三十条），补正期限至 " + c.CorrectionDue.String() + "。补正事项和补正通知书见办理进度页面，可在该页面在线提交补正。"
	case "extension_approved":
		text = "您的申请答复期限已延长"
		if e := c.Extension; e.Days > 0 {
			text += " " + strconv.Itoa(e.Days) + " 个工作日"
			if !e.NewDue.IsZero() {
				text += "，延长后的答复期限为 " + e.NewDue.String()
			}
		}
		text += "（第三十三条第二款）。"
	case "fee_notice":
		text = "行政机关已发出信息处理费收费通知，共 " + strconv.Itoa(c.Fee.Yuan) + " 元。请自收到收费通知之日起20个工作日内缴纳，缴费方式见收费通知；缴费期间答复期限暂停计算。"
	case "closed":
		text = "您的申请已办结，答复已作出（" + c.Closing.Outcome.Label() + "）。答复书见办理进度页面。"
	case "transferred":
		text = "您的申请已" + MaskText(ev.Note) + "。"
	default:
		return Notice{}, false
	}
	return Notice{To: to, QueryNo: c.QueryNo, Kind: ev.Kind, Text: text, Path: StatusPath(c.QueryNo)}, true
}
