package cases

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
)

// Extension is an extension of the answer period (第三十三条第二款): asked
// for by the officer and approved or refused by the head of the
// disclosure office, both while the original period runs. Once approved it
// counts; the day the notice reached the applicant is recorded when it did.
type Extension struct {
	RequestedDays int           `json:"requested_days,omitempty"`
	Reason        string        `json:"reason,omitempty"`
	RequestedBy   string        `json:"requested_by,omitempty"`
	RequestedOn   calendar.Date `json:"requested_on"`
	// Days is the approved extension, 0 until approved.
	Days       int           `json:"days,omitempty"`
	ApprovedBy string        `json:"approved_by,omitempty"`
	ApprovedOn calendar.Date `json:"approved_on"`
	// NewDue is the answer deadline with the extension, as fixed on the
	// day of approval; the 延期答复告知书 states it.
	NewDue calendar.Date `json:"new_due"`
	// NoticeOn is the day the notice reached the applicant, zero until
	// recorded.
	NoticeOn calendar.Date `json:"notice_on"`
	// RefusedBy, RefusedOn and RefusalReason record the last refused
	// request; a refused request may be followed by a new one.
	RefusedBy     string        `json:"refused_by,omitempty"`
	RefusedOn     calendar.Date `json:"refused_on"`
	RefusalReason string        `json:"refusal_reason,omitempty"`
}

// Pending reports whether an extension awaits approval.
func (e Extension) Pending() bool { return e.RequestedDays > 0 && e.Days == 0 }

// OriginalDue is the last day of the answer period without any extension,
// with the pauses as they stood on day on (a pause still running then is
// taken to end on it).
func (c *Case) OriginalDue(cal *calendar.Calendar, on calendar.Date) (calendar.Date, error) {
	f := AnswerFacts{Received: c.Received, CorrectedReceived: c.CorrectedReceived, Pauses: c.pausesAsOf(on)}
	d, err := ComputeAnswerDeadline(cal, f, on)
	if err != nil {
		return calendar.Date{}, err
	}
	return d.Due, nil
}

// withinPeriod refuses an extension step taken on day on when the
// original answer period has already ended (第三十三条第二款 allows an
// extension only before it does) or no period runs.
func (c *Case) withinPeriod(cal *calendar.Calendar, on calendar.Date, what string) error {
	if !c.Stage.Open() || c.Stage == StageCorrection {
		return errs.Conflict("申请当前处于“%s”阶段，不能%s", c.Stage.Label(), what)
	}
	due, err := c.OriginalDue(cal, on)
	if err != nil {
		return err
	}
	if on.After(due) {
		return errs.Conflict("原答复期限已于 %s 届满，不能再%s（条例第三十三条第二款）", due, what)
	}
	return nil
}

// RequestExtension asks an approver, on today, for an extension of days
// working days (at most 20, once, 第三十三条第二款).
func (c *Case) RequestExtension(cal *calendar.Calendar, days int, reason, by string, today calendar.Date) (Event, error) {
	if err := c.withinPeriod(cal, today, "申请延期"); err != nil {
		return Event{}, err
	}
	if c.Extension.Days > 0 || c.Extension.Pending() {
		return Event{}, errs.Conflict("本申请已申请过延期")
	}
	reason = strings.TrimSpace(reason)
	switch {
	case days < 1 || days > MaxExtensionDays:
		return Event{}, errs.Invalid("延长期限应为 1 到 %d 个工作日", MaxExtensionDays)
	case reason == "" || utf8.RuneCountInString(reason) > MaxDescription:
		return Event{}, errs.Invalid("请说明需要延长答复期限的理由")
	}
	prior := c.Extension
	c.Extension = Extension{RequestedDays: days, Reason: reason, RequestedBy: by, RequestedOn: today,
		RefusedBy: prior.RefusedBy, RefusedOn: prior.RefusedOn, RefusalReason: prior.RefusalReason}
	return Event{Kind: "extension_requested", On: today, Note: "申请延长答复期限 " + strconv.Itoa(days) + " 个工作日：" + reason}, nil
}

// decider checks who decides a pending extension and on which day: someone
// other than the requester, on a day from the request to today.
func (c *Case) decider(approver string, on, today calendar.Date) error {
	if !c.Extension.Pending() {
		return errs.Conflict("没有待审批的延期申请")
	}
	if approver == "" || approver == c.Extension.RequestedBy {
		return errs.Forbidden("延期须由申请人以外的负责人审批")
	}
	return notBefore(on, c.Extension.RequestedOn, today, "审批之日")
}

// ApproveExtension records the approval on day on, which must fall within
// the original answer period, and fixes the new deadline the notice
// states.
func (c *Case) ApproveExtension(cal *calendar.Calendar, approver string, on, today calendar.Date) (Event, error) {
	if err := c.decider(approver, on, today); err != nil {
		return Event{}, err
	}
	if err := c.withinPeriod(cal, on, "批准延期"); err != nil {
		return Event{}, err
	}
	e := &c.Extension
	e.Days, e.ApprovedBy, e.ApprovedOn = e.RequestedDays, approver, on
	d, err := ComputeAnswerDeadline(cal, AnswerFacts{Received: c.Received, CorrectedReceived: c.CorrectedReceived,
		ExtensionDays: e.Days, Pauses: c.pausesAsOf(on)}, on)
	if err != nil {
		return Event{}, err
	}
	e.NewDue = d.Due
	return Event{Kind: "extension_approved", On: on, Note: approver + " 批准延长答复期限 " + strconv.Itoa(e.Days) +
		" 个工作日，延长后的答复期限至 " + e.NewDue.String()}, nil
}

// RefuseExtension records the approver's refusal with its reason. A
// request may be refused even after the original period ended, so that it
// does not stay pending; the officer may ask again while the period runs.
func (c *Case) RefuseExtension(approver, reason string, on, today calendar.Date) (Event, error) {
	if err := c.decider(approver, on, today); err != nil {
		return Event{}, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" || utf8.RuneCountInString(reason) > MaxDescription {
		return Event{}, errs.Invalid("请填写不予批准延期的理由")
	}
	c.Extension = Extension{RefusedBy: approver, RefusedOn: on, RefusalReason: reason}
	return Event{Kind: "extension_refused", On: on, Note: approver + " 不予批准延期：" + reason}, nil
}

// RecordExtensionNotice records the day the 延期答复告知书 reached the
// applicant.
func (c *Case) RecordExtensionNotice(on, today calendar.Date) (Event, error) {
	if c.Extension.Days == 0 {
		return Event{}, errs.Conflict("本申请没有经批准的延期")
	}
	if !c.Extension.NoticeOn.IsZero() {
		return Event{}, errs.Conflict("已记录延期告知书于 %s 送达", c.Extension.NoticeOn)
	}
	if err := notBefore(on, c.Extension.ApprovedOn, today, "延期告知书送达之日"); err != nil {
		return Event{}, err
	}
	c.Extension.NoticeOn = on
	return Event{Kind: "extension_notified", On: on, Note: "延期答复告知书送达申请人"}, nil
}

// pausesAsOf returns the pauses as they stood on day on.
func (c *Case) pausesAsOf(on calendar.Date) []Pause {
	var out []Pause
	for _, p := range c.Pauses {
		if p.Start.After(on) {
			continue
		}
		if p.End.After(on) {
			p.End = calendar.Date{}
		}
		out = append(out, p)
	}
	return out
}
