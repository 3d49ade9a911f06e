package cases

import (
	"github.com/gongkai/gongkai/internal/calendar"
)

// Statutory periods, in working days.
const (
	// AnswerDays is the answer period from receipt (条例第三十三条第二款).
	AnswerDays = 20
	// MaxExtensionDays is the longest approved extension (第三十三条第二款).
	MaxExtensionDays = 20
	// CorrectionNoticeDays is the time to send the one-time 补正 notice
	// (第三十条).
	CorrectionNoticeDays = 7
	// ConsultationDays is the time a consulted third party (第三十二条) or
	// agency (第三十四条) has to give its opinion.
	ConsultationDays = 15
	// FeePaymentDays is the time to pay a 信息处理费, counted from the day
	// after the fee notice is received (国办函〔2020〕109号).
	FeePaymentDays = 20
)

// Countdown is a due date seen from a given day.
type Countdown struct {
	Due calendar.Date
	// DaysLeft is the working days after today up to and including Due:
	// 0 when Due is today (or only days off remain), negative when overdue
	// (minus the working days since Due).
	DaysLeft int
	// Overdue reports whether today is after Due.
	Overdue bool
	// Warnings must be shown on the case and logged (a year with no
	// holiday schedule was counted from weekdays alone).
	Warnings calendar.Warnings
}

// countdown counts n working days after start (skipping pauses) and looks
// at the result from today.
func countdown(cal *calendar.Calendar, start calendar.Date, n int, pauses []calendar.Period, today calendar.Date) Countdown {
	due, w := cal.AddWorkingDays(start, n, pauses)
	left, w2 := cal.WorkingDaysBetween(today, due)
	return Countdown{Due: due, DaysLeft: left, Overdue: today.After(due), Warnings: w.Merge(w2)}
}

// CorrectionNoticeDeadline is the last day to send the 补正 notice: the
// 7th working day after receipt (第三十条), so staff are warned before it
// passes.
func CorrectionNoticeDeadline(cal *calendar.Calendar, received, today calendar.Date) Countdown {
	return countdown(cal, received, CorrectionNoticeDays, nil, today)
}

// ConsultationDeadline is the last day for a consulted third party
// (第三十二条) or agency (第三十四条) to give its opinion: the 15th working
// day after it received the request for its opinion. A third party that is
// silent by then leaves the decision to the agency; an agency that is silent
// is deemed to agree to disclosure.
func ConsultationDeadline(cal *calendar.Calendar, requestReceived, today calendar.Date) Countdown {
	return countdown(cal, requestReceived, ConsultationDays, nil, today)
}

// FeePaymentDeadline is the last day to pay a 信息处理费: 20 working days
// counted from the day after the applicant received the fee notice, that
// is the 20th working day after that day. Unpaid by then, the application
// is deemed abandoned (outcome other.fee_unpaid).
func FeePaymentDeadline(cal *calendar.Calendar, noticeReceived, today calendar.Date) Countdown {
	return countdown(cal, noticeReceived, FeePaymentDays, nil, today)
}
