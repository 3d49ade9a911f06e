package web

import (
	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
)

// caseView is a case as a staff page shows it: masked unless the viewer
// handles the cases of its agency, with its deadline seen from today.
type caseView struct {
	*cases.Case
	Agency   string
	Masked   bool
	Deadline *cases.AnswerDeadline
	// CorrectionBy is the last day to send a 补正 notice while one may
	// still be sent, with the working days left.
	CorrectionBy *cases.Countdown
	// Period is the statutory period running in the current stage
	// (consultation, fee payment, correction) and its label.
	Period      *cases.Countdown
	PeriodLabel string
	Warnings    []string
}

// newCaseView prepares c for principal p.
func newCaseView(c *cases.Case, p *auth.Principal, names map[int64]string, cal *calendar.Calendar, today calendar.Date) caseView {
	v := caseView{Case: c, Agency: names[c.AgencyID]}
	if !p.Can(auth.HandleCases, c.AgencyID) {
		m := c.Masked()
		v.Case, v.Masked = &m, true
	}
	if d, ok := c.Deadline(cal, today); ok {
		v.Deadline = &d
		v.Warnings = append(v.Warnings, d.Warnings.Messages()...)
	}
	if label, cd, ok := c.RunningPeriod(cal, today); ok {
		v.Period, v.PeriodLabel = &cd, label
		v.Warnings = append(v.Warnings, cd.Warnings.Messages()...)
	}
	if c.Stage == cases.StageInProgress && c.CorrectionNoticeOn.IsZero() && c.CorrectedReceived.IsZero() {
		if cd := cases.CorrectionNoticeDeadline(cal, c.Received, today); !cd.Overdue {
			v.CorrectionBy = &cd
		}
	}
	return v
}

// DueSoon reports whether the answer is due within five working days.
func (v caseView) DueSoon() bool {
	return v.Deadline != nil && !v.Deadline.Overdue && v.Deadline.DaysLeft <= 5
}

// Overdue reports whether the answer is overdue.
func (v caseView) Overdue() bool { return v.Deadline != nil && v.Deadline.Overdue }

// CorrectionSoon reports whether the 补正 notice window closes within two
// working days, the warning before the 7-working-day limit (第三十条).
func (v caseView) CorrectionSoon() bool { return v.CorrectionBy != nil && v.CorrectionBy.DaysLeft <= 2 }

func agencyNames(all []agency.Agency) map[int64]string {
	m := make(map[int64]string, len(all))
	for _, a := range all {
		m[a.ID] = a.Name
	}
	return m
}

// DaysOverdue is how many working days past due the answer is.
func (v caseView) DaysOverdue() int {
	if !v.Overdue() {
		return 0
	}
	return -v.Deadline.DaysLeft
}
