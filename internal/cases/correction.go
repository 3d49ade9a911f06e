package cases

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
)

// Bounds of a 补正 notice: the items it lists and the working days it
// gives. The 条例 asks for a 合理的补正期限 without a number; 5 to 30
// working days covers what agencies publish.
const (
	MaxCorrectionItems = 20
	MinCorrectionDays  = 5
	MaxCorrectionDays  = 30
)

// CorrectionItems splits the officer's text into the items to correct, one
// a line, each kept as written; blank lines are dropped.
func CorrectionItems(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// RequestCorrection records the one-time 补正 notice (第三十条) dated
// noticeOn, listing items and giving days working days counted from the day
// the applicant receives it. Until that day is recorded
// (RecordCorrectionDelivery), the period is counted from noticeOn.
func (c *Case) RequestCorrection(cal *calendar.Calendar, noticeOn calendar.Date, days int, items []string, today calendar.Date) (Event, error) {
	if err := c.need(StageInProgress); err != nil {
		return Event{}, err
	}
	if !c.CorrectionNoticeOn.IsZero() {
		return Event{}, errs.Conflict("补正通知只能一次性发出，本申请已于 %s 发出过", c.CorrectionNoticeOn)
	}
	if err := notBefore(noticeOn, c.Received, today, "补正通知发出之日"); err != nil {
		return Event{}, err
	}
	if days < MinCorrectionDays || days > MaxCorrectionDays {
		return Event{}, errs.Invalid("补正期限应为 %d 到 %d 个工作日", MinCorrectionDays, MaxCorrectionDays)
	}
	total := 0
	for _, it := range items {
		total += utf8.RuneCountInString(it)
	}
	switch {
	case len(items) == 0:
		return Event{}, errs.Invalid("请逐项填写需要补正的事项（每行一项）")
	case len(items) > MaxCorrectionItems || total > MaxDescription:
		return Event{}, errs.Invalid("需要补正的事项不能超过 %d 项、%d 字", MaxCorrectionItems, MaxDescription)
	}
	c.Stage, c.CorrectionNoticeOn, c.CorrectionDays = StageCorrection, noticeOn, days
	c.CorrectionItems = append([]string(nil), items...)
	c.CorrectionDue, _ = cal.AddWorkingDays(noticeOn, days, nil)
	return Event{Kind: "correction_requested", On: noticeOn, Note: "补正事项：" + strings.Join(items, "；") +
		"；补正期限为收到通知之日起 " + strconv.Itoa(days) + " 个工作日"}, nil
}

// RecordCorrectionDelivery records the day the 补正 notice reached the
// applicant; the period for correcting is counted from it.
func (c *Case) RecordCorrectionDelivery(cal *calendar.Calendar, on, today calendar.Date) (Event, error) {
	if err := c.need(StageCorrection); err != nil {
		return Event{}, err
	}
	if !c.CorrectionDelivered.IsZero() {
		return Event{}, errs.Conflict("已记录补正通知于 %s 送达", c.CorrectionDelivered)
	}
	if err := notBefore(on, c.CorrectionNoticeOn, today, "补正通知送达之日"); err != nil {
		return Event{}, err
	}
	c.CorrectionDelivered = on
	if c.CorrectionDays > 0 {
		c.CorrectionDue, _ = cal.AddWorkingDays(on, c.CorrectionDays, nil)
	}
	return Event{Kind: "correction_delivered", On: on, Note: "补正通知送达申请人，补正期限至 " + c.CorrectionDue.String()}, nil
}

// ReceiveCorrection records the corrected application received on; the
// answer period restarts from that day (第三十条). A non-empty description
// becomes the request the answer quotes; the request as first written is
// kept in OriginalRequest. For a correction sent online (SubmitCorrection)
// this is the staff's confirmation: on is not before it was sent, and a
// blank description takes what the applicant wrote.
func (c *Case) ReceiveCorrection(on calendar.Date, description string, today calendar.Date) (Event, error) {
	if err := c.need(StageCorrection); err != nil {
		return Event{}, err
	}
	from := c.CorrectionNoticeOn
	if c.CorrectionSubmitted.After(from) {
		from = c.CorrectionSubmitted
	}
	if err := notBefore(on, from, today, "收到补正申请之日"); err != nil {
		return Event{}, err
	}
	if strings.TrimSpace(description) == "" {
		description = c.CorrectionText // the correction sent online, if any
	}
	note := "收到补正后的申请，答复期限自次日重新起算"
	if d := strings.TrimSpace(description); d != "" && d != c.Request.Description {
		if utf8.RuneCountInString(d) > MaxDescription {
			return Event{}, errs.Invalid("所需信息的描述不能超过 %d 字", MaxDescription)
		}
		if c.OriginalRequest == "" {
			c.OriginalRequest = c.Request.Description
		}
		c.Request.Description = d
		c.DuplicateKey = DuplicateKey(c.Applicant, c.Request)
		note += "；补正后的申请内容：" + d
	}
	c.Stage, c.CorrectedReceived = StageInProgress, on
	return Event{Kind: "corrected", On: on, Note: note}, nil
}

// SubmitCorrection records the corrected request the applicant sent online
// on today, while a correction is awaited and its period has not passed.
// The case stays awaiting the correction until the staff confirm its
// receipt with ReceiveCorrection (第三十一条第（三）项), which restarts the
// answer period (第三十条); a blank description with attachments keeps the
// request as written. One online correction per notice.
func (c *Case) SubmitCorrection(description string, files int, today calendar.Date) (Event, error) {
	if err := c.need(StageCorrection); err != nil {
		return Event{}, err
	}
	if !c.CorrectionSubmitted.IsZero() {
		return Event{}, errs.Conflict("已于 %s 在线提交补正，请等待工作人员确认", c.CorrectionSubmitted)
	}
	if !c.CorrectionDue.IsZero() && today.After(c.CorrectionDue) {
		return Event{}, errs.Conflict("补正期限已于 %s 届满，不能再在线补正；如有正当理由，请与受理机关联系", c.CorrectionDue)
	}
	d := strings.TrimSpace(description)
	switch {
	case d == "" && files == 0:
		return Event{}, errs.Invalid("请填写补正后的所需信息描述或上传补正材料")
	case utf8.RuneCountInString(d) > MaxDescription:
		return Event{}, errs.Invalid("所需信息的描述不能超过 %d 字", MaxDescription)
	}
	c.CorrectionSubmitted, c.CorrectionText = today, d
	note := "申请人在线提交补正，待工作人员确认收到"
	if files > 0 {
		note += "（附件 " + strconv.Itoa(files) + " 个）"
	}
	if d != "" {
		note += "；补正后的申请内容：" + d
	}
	return Event{Kind: "correction_submitted", On: today, Note: note}, nil
}
