package annual

import (
	"fmt"
	"strings"
	"time"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report"
)

// Version is one published version of a report, frozen.
type Version struct {
	ReportID    int64
	Version     int
	PublishedAt time.Time
	PublishedBy string
	// ChangeNote says what a correction changed; "" for the first version.
	ChangeNote string
	Snapshot   Snapshot
}

// Snapshot is everything a published version shows, stored whole so that
// later changes of the records never alter it.
type Snapshot struct {
	Document report.Document  `json:"document"`
	Sources  report.Sources   `json:"sources"`
	Findings []report.Finding `json:"findings"`
}

// CheckSignOff says whether rec, composed as built, may be signed off: it
// must be a draft and pass every error-severity check.
func CheckSignOff(rec *Record, built *Built) error {
	if rec.Status != Draft {
		return errs.Conflict("只有草稿可以签发（当前状态：%s）", rec.Status.Label())
	}
	if errsFound := built.Errors(); len(errsFound) > 0 {
		msgs := make([]string, 0, len(errsFound))
		for _, f := range errsFound {
			msgs = append(msgs, f.Message)
		}
		return errs.Conflict("报告有%d处错误，不能签发：%s", len(errsFound), strings.Join(msgs, "；"))
	}
	return nil
}

// CheckPublish says whether rec may be published as the next version after
// published earlier ones: it must be signed off, and a correction needs a
// change note.
func CheckPublish(rec *Record, published int, changeNote string) error {
	if rec.Status != SignedOff {
		return errs.Conflict("报告须经审批人签发后才能报送公开（当前状态：%s）", rec.Status.Label())
	}
	if published > 0 && strings.TrimSpace(changeNote) == "" {
		return errs.Invalid("更正已公开的报告，请填写更正说明")
	}
	if len([]rune(changeNote)) > 500 {
		return errs.Invalid("更正说明不能超过500个字")
	}
	return nil
}

// Due says where an agency stands against the legal deadline of its report
// on year (agency.ReportDeadline).
type Due struct {
	Deadline time.Time
	// DaysLeft is the whole days from today to the deadline; negative when past.
	DaysLeft int
	// Late: the deadline passed and nothing was published by then.
	Late bool
	// Remind: fewer than RemindDays left and nothing published yet.
	Remind bool
}

// RemindDays is how long before the deadline the back office reminds.
const RemindDays = 30

// DueFor computes the deadline state of an agency's report on year at now;
// published is the first publication time, zero when never published.
func DueFor(a *agency.Agency, year int, published, now time.Time) Due {
	deadline := a.ReportDeadline(year)
	end := deadline.Add(24 * time.Hour) // the deadline day counts in full
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	d := Due{Deadline: deadline, DaysLeft: int(deadline.Sub(today).Hours() / 24)}
	if published.IsZero() {
		d.Late = !now.Before(end)
		d.Remind = !d.Late && d.DaysLeft <= RemindDays
	} else {
		d.Late = !published.Before(end)
	}
	return d
}

// Message returns the reminder in Chinese, or "" when none is due.
func (d Due) Message(year int) string {
	switch {
	case d.Late:
		return fmt.Sprintf("%d年度报告已超过法定期限（%d年%d月%d日）。", year, d.Deadline.Year(), int(d.Deadline.Month()), d.Deadline.Day())
	case d.Remind:
		return fmt.Sprintf("%d年度报告应于%d年%d月%d日前公开，还剩%d天。", year, d.Deadline.Year(), int(d.Deadline.Month()), d.Deadline.Day(), d.DaysLeft)
	}
	return ""
}

// PublishedYear is one year of an agency's published reports, for the portal.
type PublishedYear struct {
	Year int
	// Latest is the number of the newest version.
	Latest int
	// First is when the first version was published.
	First time.Time
}
