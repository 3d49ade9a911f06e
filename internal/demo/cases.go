package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/idnumber"
)

// caseStore is what the application demo needs from storage.
type caseStore interface {
	CreateCase(ctx context.Context, c *cases.Case, ev cases.Event, files []cases.Attachment, ch auditlog.Change) (string, error)
	CaseStep(ctx context.Context, id int64, step func(c *cases.Case) (cases.Event, error), ch auditlog.Change) (*cases.Case, error)
	IssueLetter(ctx context.Context, caseID, agencyID int64, prefix string,
		compose func(c *cases.Case) (cases.Letter, error), ch auditlog.Change) (*cases.IssuedLetter, error)
}

// demoApplicants are invented applicants with valid document numbers.
var demoApplicants = []cases.Applicant{
	{Kind: cases.NaturalPerson, Name: "王建国", IDType: cases.IDResident, IDNumber: idnumber.CompleteResident("14040219780312101"),
		Phone: "13803550101", Address: "山西省长治市潞州区太行东街12号"},
	{Kind: cases.NaturalPerson, Name: "李秀英", IDType: cases.IDResident, IDNumber: idnumber.CompleteResident("14040319860721202"),
		Phone: "13935520202", Email: "lixiuying@example.cn"},
	{Kind: cases.NaturalPerson, Name: "赵明", IDType: cases.IDResident, IDNumber: idnumber.CompleteResident("14042519920105303"),
		Email: "zhaoming@example.cn", Address: "山西省长治市上党区府前街8号"},
	{Kind: cases.LegalService, Name: "山西潞安律师事务所", IDType: cases.IDCreditCode,
		IDNumber: idnumber.CompleteCreditCode("31140000MD0123456"), Contact: "刘律师", Phone: "03552020303"},
	{Kind: cases.Commercial, Name: "长治市城南建设工程有限公司", IDType: cases.IDCreditCode,
		IDNumber: idnumber.CompleteCreditCode("91140400MA0K2X3Y4"), Contact: "陈经理", Phone: "13603550404"},
}

// caseSeeder records demo applications step by step, each step on its own
// date, and keeps the first error.
type caseSeeder struct {
	ctx  context.Context
	db   caseStore
	cal  *calendar.Calendar
	ch   auditlog.Change
	ids  map[string]int64
	last int64 // the case being built
	err  error
}

func demoDay(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err) // the demo's own constant dates
	}
	return d
}

// add records a new application; received "" means an online application
// submitted on submitted and not yet confirmed.
func (s *caseSeeder) add(agency string, ch cases.Channel, applicant int, request, submitted, received string) {
	if s.err != nil {
		return
	}
	sub := demoDay(submitted)
	var rec calendar.Date
	if received != "" {
		rec = demoDay(received)
	}
	r := cases.Request{Description: request, Form: cases.FormEmail, Receive: cases.ReceiveEmail}
	c, ev, err := cases.NewCase(s.ids[agency], ch, demoApplicants[applicant], r, rec, sub)
	if err != nil {
		s.err = fmt.Errorf("demo case %q: %w", request, err)
		return
	}
	c.SubmittedAt = time.Date(sub.Year, sub.Month, sub.Day, 1, 30, 0, 0, time.UTC) // 09:30 in China
	ch2 := s.ch
	ch2.Action = "case.create"
	if _, err := s.db.CreateCase(s.ctx, c, ev, nil, ch2); err != nil {
		s.err = fmt.Errorf("demo case %q: %w", request, err)
		return
	}
	s.last = c.ID
}

// step applies a workflow step on the given day to the last case.
func (s *caseSeeder) step(action, on string, fn func(c *cases.Case, on calendar.Date) (cases.Event, error)) {
	if s.err != nil {
		return
	}
	day := demoDay(on)
	ch := s.ch
	ch.Action = auditlog.CaseStep(action)
	if _, err := s.db.CaseStep(s.ctx, s.last, func(c *cases.Case) (cases.Event, error) { return fn(c, day) }, ch); err != nil {
		s.err = fmt.Errorf("demo case %d %s: %w", s.last, action, err)
	}
}

// closeAs closes the last case with an outcome on the given day, issues
// its answer letter and records its delivery by e-mail.
func (s *caseSeeder) closeAs(agency string, o cases.Outcome, reason, on string) {
	s.closeWith(agency, cases.Closing{Outcome: o, Reason: reason}, on)
}

// closeWith is closeAs with the closing's other facts (the withheld ground,
// the agency responsible).
func (s *caseSeeder) closeWith(agency string, cl cases.Closing, on string) {
	s.step("close", on, func(c *cases.Case, day calendar.Date) (cases.Event, error) {
		cl.On = day
		return c.Close(s.cal, cl, day)
	})
	s.letter(agency, cases.LetterAnswer, on)
	s.step("deliver", on, func(c *cases.Case, day calendar.Date) (cases.Event, error) {
		return c.Deliver("电子邮件", day, day)
	})
}

// letter issues a letter of kind on the last case, dated on.
func (s *caseSeeder) letter(agency string, kind cases.LetterKind, on string) {
	if s.err != nil {
		return
	}
	day := demoDay(on)
	ch := s.ch
	ch.Action = "case.letter"
	for _, a := range Agencies {
		if a.Name != agency {
			continue
		}
		ls := letterSettings(a)
		data := cases.LetterData{Agency: agency, ReviewBody: ls.ReviewBody, Court: ls.Court, Payment: ls.Payment}
		_, err := s.db.IssueLetter(s.ctx, s.last, s.ids[agency], cases.DefaultLetterPrefix(agency), func(c *cases.Case) (cases.Letter, error) {
			return cases.ComposeLetter(kind, "", c, data, s.cal, day, day)
		}, ch)
		if err != nil {
			s.err = fmt.Errorf("demo case %d letter %s: %w", s.last, kind, err)
		}
		return
	}
	s.err = fmt.Errorf("demo: no agency %q", agency)
}

func (s *caseSeeder) confirm(on string) {
	s.step("confirm", on, func(c *cases.Case, day calendar.Date) (cases.Event, error) { return c.Confirm(day, day) })
}
