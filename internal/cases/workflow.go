package cases

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
)

// Stage is where a case stands in its workflow.
type Stage string

// The stages. A case moves awaiting_confirmation → in_progress, may go to
// correction_requested, consultation or fee_pending and back, and ends
// closed with exactly one outcome.
const (
	StageAwaiting     Stage = "awaiting_confirmation"
	StageInProgress   Stage = "in_progress"
	StageCorrection   Stage = "correction_requested"
	StageConsultation Stage = "consultation"
	StageFee          Stage = "fee_pending"
	StageClosed       Stage = "closed"
)

var stageLabels = map[Stage]string{
	StageAwaiting: "待确认收到", StageInProgress: "办理中", StageCorrection: "待申请人补正",
	StageConsultation: "征求意见中", StageFee: "待缴纳信息处理费", StageClosed: "已办结",
}

// Label returns the stage in Chinese, as the applicant sees it.
func (s Stage) Label() string {
	if l, ok := stageLabels[s]; ok {
		return l
	}
	return string(s)
}

// Open reports whether the case still runs against a deadline.
func (s Stage) Open() bool { return s != StageClosed && s != StageAwaiting }

// Event is one step of a case's timeline.
type Event struct {
	Kind string        // e.g. "confirmed"; see the step methods
	On   calendar.Date // the legal date of the step
	Note string        // what a reader of the timeline needs to know
}

// NewCase checks a new application and returns it at its first stage: an
// online application awaits the staff's confirmation, which fixes the day
// of receipt (第三十一条第（三）项); one entered by staff for another
// channel carries its day of receipt, which may not be in the future.
func NewCase(agencyID int64, ch Channel, a Applicant, r Request, received, today calendar.Date) (*Case, Event, error) {
	if _, err := ParseChannel(string(ch)); err != nil {
		return nil, Event{}, err
	}
	if err := a.Validate(today); err != nil {
		return nil, Event{}, err
	}
	if err := r.Validate(); err != nil {
		return nil, Event{}, err
	}
	c := &Case{AgencyID: agencyID, Channel: ch, Applicant: a, Request: r, DuplicateKey: DuplicateKey(a, r)}
	if ch == ChannelOnline {
		c.Stage = StageAwaiting
		return c, Event{Kind: "submitted", On: today, Note: "通过互联网提交申请，待工作人员确认收到"}, nil
	}
	if received.IsZero() {
		return nil, Event{}, errs.Invalid("请填写收到申请之日（%s）", ch.ReceiptRule())
	}
	if received.After(today) {
		return nil, Event{}, errs.Invalid("收到申请之日 %s 不能晚于今天", received)
	}
	c.Stage, c.Received = StageInProgress, received
	return c, Event{Kind: "received", On: received, Note: ch.Label() + "：" + ch.ReceiptRule()}, nil
}

func (c *Case) need(stages ...Stage) error {
	for _, s := range stages {
		if c.Stage == s {
			return nil
		}
	}
	return errs.Conflict("申请当前处于“%s”阶段，不能进行此操作", c.Stage.Label())
}

// notBefore checks that day is set, not in the future and not before from.
func notBefore(day, from, today calendar.Date, what string) error {
	switch {
	case day.IsZero():
		return errs.Invalid("请填写%s", what)
	case day.After(today):
		return errs.Invalid("%s %s 不能晚于今天", what, day)
	case !from.IsZero() && day.Before(from):
		return errs.Invalid("%s %s 不能早于 %s", what, day, from)
	}
	return nil
}

// Start is the day the answer period counts from: receipt, or receipt of
// the corrected application.
func (c *Case) Start() calendar.Date {
	if !c.CorrectedReceived.IsZero() {
		return c.CorrectedReceived
	}
	return c.Received
}

// Confirm records the staff's confirmation of an online application; the
// day confirmed is the day of receipt (第三十一条第（三）项).
func (c *Case) Confirm(received, today calendar.Date) (Event, error) {
	if err := c.need(StageAwaiting); err != nil {
		return Event{}, err
	}
	if err := notBefore(received, calendar.DateOf(c.SubmittedAt), today, "确认收到之日"); err != nil {
		return Event{}, err
	}
	c.Stage, c.Received = StageInProgress, received
	return Event{Kind: "confirmed", On: received, Note: "确认收到申请，答复期限自次日起算"}, nil
}

// StartConsultation records a request for the opinion of a third party
// (第三十二条) or another agency (第三十四条) sent on; its time does not
// count toward the answer period.
func (c *Case) StartConsultation(kind PauseKind, on calendar.Date, whom string, today calendar.Date) (Event, error) {
	if err := c.need(StageInProgress); err != nil {
		return Event{}, err
	}
	if kind != PauseThirdParty && kind != PauseAgency {
		return Event{}, errs.Invalid("请选择征求第三方意见或征求其他机关意见")
	}
	if err := notBefore(on, c.Start(), today, "征求意见之日"); err != nil {
		return Event{}, err
	}
	whom = strings.TrimSpace(whom)
	if whom == "" || utf8.RuneCountInString(whom) > MaxShortText {
		return Event{}, errs.Invalid("请填写被征求意见的第三方或机关")
	}
	c.Stage = StageConsultation
	c.Pauses = append(c.Pauses, Pause{Kind: kind, Start: on, Whom: whom})
	label := "征求第三方意见（第三十二条）"
	if kind == PauseAgency {
		label = "征求其他机关意见（第三十四条）"
	}
	return Event{Kind: "consultation_started", On: on, Note: label + "：" + whom + "；征求意见期间不计入答复期限"}, nil
}

// EndConsultation records the opinion (or its absence after 15 working
// days) arriving on.
func (c *Case) EndConsultation(on calendar.Date, opinion string, today calendar.Date) (Event, error) {
	if err := c.need(StageConsultation); err != nil {
		return Event{}, err
	}
	p := &c.Pauses[len(c.Pauses)-1]
	if err := notBefore(on, p.Start, today, "收到意见之日"); err != nil {
		return Event{}, err
	}
	p.End, c.Stage = on, StageInProgress
	return Event{Kind: "consultation_ended", On: on, Note: "征求意见结束：" + strings.TrimSpace(opinion)}, nil
}

// IssueFee records a 信息处理费 notice computed with ComputeFee and the day
// the applicant received it; the answer clock waits for payment.
func (c *Case) IssueFee(fee Fee, noticeReceived, today calendar.Date) (Event, error) {
	if err := c.need(StageInProgress); err != nil {
		return Event{}, err
	}
	if c.Fee.Issued() {
		return Event{}, errs.Conflict("本申请已发出过收费通知")
	}
	if fee.Yuan <= 0 {
		return Event{}, errs.Invalid("按所填数量不收费（%s），无需发出收费通知", fee.Method.Label())
	}
	if err := notBefore(noticeReceived, c.Start(), today, "申请人收到收费通知之日"); err != nil {
		return Event{}, err
	}
	lines := make([]string, len(fee.Lines))
	for i, l := range fee.Lines {
		lines[i] = l.String()
	}
	c.Fee = FeeNotice{Method: fee.Method, Yuan: fee.Yuan, Detail: strings.Join(lines, "；"), NoticeReceived: noticeReceived}
	c.Stage = StageFee
	c.Pauses = append(c.Pauses, Pause{Kind: PauseFee, Start: noticeReceived})
	return Event{Kind: "fee_notice", On: noticeReceived, Note: fee.Method.Label() + "，共 " + strconv.Itoa(fee.Yuan) + " 元：" + c.Fee.Detail}, nil
}

// RecordPayment records the fee paid on; handling resumes.
func (c *Case) RecordPayment(on calendar.Date, today calendar.Date) (Event, error) {
	if err := c.need(StageFee); err != nil {
		return Event{}, err
	}
	if err := notBefore(on, c.Fee.NoticeReceived, today, "缴费之日"); err != nil {
		return Event{}, err
	}
	c.Fee.PaidOn, c.Stage = on, StageInProgress
	c.Pauses[len(c.Pauses)-1].End = on
	return Event{Kind: "fee_paid", On: on, Note: "申请人已缴纳信息处理费 " + strconv.Itoa(c.Fee.Yuan) + " 元"}, nil
}

// Transfer moves the case to the agency responsible; its timeline stays.
func (c *Case) Transfer(to int64, toName, reason string) (Event, error) {
	if c.Stage == StageClosed {
		return Event{}, errs.Conflict("已办结的申请不能转办")
	}
	if to <= 0 || to == c.AgencyID {
		return Event{}, errs.Invalid("请选择另一个负责的机关")
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Event{}, errs.Invalid("请说明转办理由")
	}
	c.AgencyID = to
	return Event{Kind: "transferred", Note: "转交 " + toName + " 办理：" + reason}, nil
}

// Close ends the case with exactly one outcome, its reason and legal basis.
// other.no_correction needs the 补正 period to have passed without a
// correction; other.fee_unpaid needs the payment period to have passed.
func (c *Case) Close(cal *calendar.Calendar, cl Closing, today calendar.Date) (Event, error) {
	info, ok := cl.Outcome.Info()
	if !ok {
		return Event{}, errs.Invalid("请选择办理结果")
	}
	switch cl.Outcome {
	case OtherNoCorrection:
		if err := c.need(StageCorrection); err != nil {
			return Event{}, err
		}
		if !cl.On.After(c.CorrectionDue) {
			return Event{}, errs.Conflict("补正期限 %s 尚未届满", c.CorrectionDue)
		}
	case OtherFeeUnpaid:
		if err := c.need(StageFee); err != nil {
			return Event{}, err
		}
		if d := FeePaymentDeadline(cal, c.Fee.NoticeReceived, cl.On); !cl.On.After(d.Due) {
			return Event{}, errs.Conflict("缴费期限 %s 尚未届满", d.Due)
		}
	default:
		if err := c.need(StageInProgress); err != nil {
			return Event{}, err
		}
	}
	if err := notBefore(cl.On, c.Start(), today, "办结之日"); err != nil {
		return Event{}, err
	}
	cl.Reason, cl.Basis, cl.CatalogRef, cl.Attached = strings.TrimSpace(cl.Reason), strings.TrimSpace(cl.Basis), strings.TrimSpace(cl.CatalogRef), strings.TrimSpace(cl.Attached)
	if err := cl.checkFacts(); err != nil {
		return Event{}, err
	}
	// The citation follows the outcome; only an outcome without an article
	// of its own takes the officer's basis.
	if info.Basis != "" {
		cl.Basis = cl.Citation()
	}
	switch {
	case cl.Reason == "" || utf8.RuneCountInString(cl.Reason) > MaxDescription:
		return Event{}, errs.Invalid("请填写答复理由")
	case cl.Basis == "" || utf8.RuneCountInString(cl.Basis) > MaxShortText:
		return Event{}, errs.Invalid("请填写法律依据")
	case utf8.RuneCountInString(cl.Attached) > MaxDescription || utf8.RuneCountInString(cl.CatalogRef) > MaxShortText:
		return Event{}, errs.Invalid("所附信息或已公开信息的说明过长")
	}
	if c.Stage == StageFee {
		c.Pauses[len(c.Pauses)-1].End = cl.On
	}
	c.Stage, c.Closing = StageClosed, cl
	return Event{Kind: "closed", On: cl.On, Note: cl.Outcome.Label() + "。理由：" + cl.Reason + "。依据：" + cl.Basis}, nil
}

// Deliver records how and when the answer reached the applicant.
func (c *Case) Deliver(via string, on, today calendar.Date) (Event, error) {
	if err := c.need(StageClosed); err != nil {
		return Event{}, err
	}
	via = strings.TrimSpace(via)
	if via == "" || utf8.RuneCountInString(via) > MaxShortText {
		return Event{}, errs.Invalid("请填写送达方式")
	}
	if err := notBefore(on, c.Closing.On, today, "送达之日"); err != nil {
		return Event{}, err
	}
	c.Delivered = Delivery{Via: via, On: on}
	return Event{Kind: "delivered", On: on, Note: "答复已送达：" + via}, nil
}

// Deadline returns the answer deadline seen from today, or false while the
// application awaits confirmation, while a correction is awaited (the
// period restarts from the corrected application, 第三十条) and once it is
// closed.
func (c *Case) Deadline(cal *calendar.Calendar, today calendar.Date) (AnswerDeadline, bool) {
	if !c.Stage.Open() || c.Stage == StageCorrection {
		return AnswerDeadline{}, false
	}
	d, err := ComputeAnswerDeadline(cal, AnswerFacts{
		Received: c.Received, CorrectedReceived: c.CorrectedReceived,
		ExtensionDays: c.Extension.Days, Pauses: c.Pauses,
	}, today)
	return d, err == nil
}

// Label returns the reason of a pause in Chinese.
func (k PauseKind) Label() string {
	switch k {
	case PauseThirdParty:
		return "征求第三方意见"
	case PauseAgency:
		return "征求其他机关意见"
	case PauseFee:
		return "等待缴纳信息处理费"
	}
	return string(k)
}

// RunningPeriod is the statutory period running inside the case's current
// stage: the 15 working days of a consultation, the 20 working days to pay
// a fee, or the time given for a correction. False when none runs.
func (c *Case) RunningPeriod(cal *calendar.Calendar, today calendar.Date) (string, Countdown, bool) {
	switch {
	case c.Stage == StageConsultation && len(c.Pauses) > 0:
		return "征求意见期限（15个工作日）", ConsultationDeadline(cal, c.Pauses[len(c.Pauses)-1].Start, today), true
	case c.Stage == StageFee:
		return "缴费期限（20个工作日，届满后可按“逾期未缴费”办结）", FeePaymentDeadline(cal, c.Fee.NoticeReceived, today), true
	case c.Stage == StageCorrection:
		left, w := cal.WorkingDaysBetween(today, c.CorrectionDue)
		return "补正期限（届满后可按“逾期不补正”办结）", Countdown{Due: c.CorrectionDue, DaysLeft: left,
			Overdue: today.After(c.CorrectionDue), Warnings: w}, true
	}
	return "", Countdown{}, false
}
