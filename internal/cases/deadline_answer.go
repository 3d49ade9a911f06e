package cases

import (
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
)

// PauseKind is why the answer clock stopped.
type PauseKind string

// The reasons the answer period stops.
const (
	// PauseThirdParty is a consultation of a third party (第三十二条); its
	// time does not count (第三十三条第三款).
	PauseThirdParty PauseKind = "third_party"
	// PauseAgency is a consultation of another agency (第三十四条); its
	// time does not count (第三十三条第三款).
	PauseAgency PauseKind = "agency"
	// PauseFee is the wait for a 信息处理费 to be paid. Whether it stops
	// the answer period is not settled by the texts at hand; gongkai treats
	// it as a pause (docs/fees.md) and a caller that
	// decides otherwise records no such pause.
	PauseFee PauseKind = "fee"
)

// Pause is a stop of the answer clock, both ends included: from the day the
// request for an opinion (or the fee notice) was sent to the day the
// opinion arrived (or the fee was paid). A zero End means it is still
// running.
type Pause struct {
	Kind       PauseKind
	Start, End calendar.Date
	// Whom is the third party or agency consulted; empty for the fee wait.
	Whom string
}

// AnswerFacts are the facts of a case that fix its answer deadline.
type AnswerFacts struct {
	// Received is the day of receipt of the application (第三十一条).
	Received calendar.Date
	// CorrectedReceived is the day the corrected application was received
	// after a 补正 notice; zero when none. The period restarts from it
	// (第三十条).
	CorrectedReceived calendar.Date
	// ExtensionDays is the approved extension, 0 to MaxExtensionDays
	// working days (第三十三条第二款).
	ExtensionDays int
	// Pauses are the consultations and fee waits, closed or running.
	Pauses []Pause
}

// AnswerDeadline is the answer deadline of a case seen from today.
type AnswerDeadline struct {
	Countdown
	// Start is the day the period counts from: the day of receipt, or of
	// receipt of the corrected application.
	Start calendar.Date
	// Paused reports that a pause is running today. Due then assumes the
	// pause ends today, and moves later for every working day it lasts.
	Paused bool
}

// ComputeAnswerDeadline returns the answer due date of a case: the
// (20 + extension)th working day after the day of receipt, or of receipt of
// the corrected application, not counting the working days of any pause
// (第三十条、第三十三条). It rejects facts that cannot be true as
// errs.ErrInvalid: no receipt day, a correction before receipt, an
// extension out of range, a pause ending before it starts or in the future.
func ComputeAnswerDeadline(cal *calendar.Calendar, f AnswerFacts, today calendar.Date) (AnswerDeadline, error) {
	if err := f.validate(today); err != nil {
		return AnswerDeadline{}, err
	}
	d := AnswerDeadline{Start: f.Received}
	if !f.CorrectedReceived.IsZero() {
		d.Start = f.CorrectedReceived
	}
	periods := make([]calendar.Period, 0, len(f.Pauses))
	for _, p := range f.Pauses {
		end := p.End
		if end.IsZero() {
			end = today
			d.Paused = true
		}
		periods = append(periods, calendar.Period{Start: p.Start, End: end})
	}
	d.Countdown = countdown(cal, d.Start, AnswerDays+f.ExtensionDays, periods, today)
	return d, nil
}

func (f AnswerFacts) validate(today calendar.Date) error {
	switch {
	case f.Received.IsZero():
		return errs.Invalid("缺少收到申请之日")
	case f.Received.After(today):
		return errs.Invalid("收到申请之日 %s 晚于今天 %s", f.Received, today)
	case !f.CorrectedReceived.IsZero() && f.CorrectedReceived.Before(f.Received):
		return errs.Invalid("收到补正申请之日 %s 早于收到申请之日 %s", f.CorrectedReceived, f.Received)
	case f.CorrectedReceived.After(today):
		return errs.Invalid("收到补正申请之日 %s 晚于今天 %s", f.CorrectedReceived, today)
	case f.ExtensionDays < 0 || f.ExtensionDays > MaxExtensionDays:
		return errs.Invalid("延长答复期限应为 0 到 %d 个工作日，而不是 %d 个", MaxExtensionDays, f.ExtensionDays)
	}
	for _, p := range f.Pauses {
		switch {
		case p.Kind != PauseThirdParty && p.Kind != PauseAgency && p.Kind != PauseFee:
			return errs.Invalid("暂停计时的原因 %q 无效", p.Kind)
		case p.Start.IsZero():
			return errs.Invalid("暂停计时缺少开始日期")
		case p.Start.After(today):
			return errs.Invalid("暂停计时的开始日期 %s 晚于今天 %s", p.Start, today)
		case !p.End.IsZero() && p.End.Before(p.Start):
			return errs.Invalid("暂停计时的结束日期 %s 早于开始日期 %s", p.End, p.Start)
		case p.End.After(today):
			return errs.Invalid("暂停计时的结束日期 %s 晚于今天 %s", p.End, today)
		}
	}
	return nil
}
