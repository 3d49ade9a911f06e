package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/idnumber"
	"github.com/gongkai/gongkai/internal/report"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

func caseDay(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

var testID = idnumber.CompleteResident("14040219900101123")

func person(kind cases.ApplicantKind) cases.Applicant {
	if kind.IsOrganization() {
		return cases.Applicant{Kind: kind, Name: "山西某某科技有限公司", IDType: cases.IDCreditCode,
			IDNumber: idnumber.CompleteCreditCode("91140400MA0K12345"), Contact: "李四", Phone: "13912345678"}
	}
	return cases.Applicant{Kind: kind, Name: "张三", IDType: cases.IDResident, IDNumber: testID,
		Phone: "13812345678", Email: "zhangsan@example.com", Address: "山西省长治市潞州区英雄中路1号"}
}

func request(desc string) cases.Request {
	return cases.Request{Description: desc, Form: cases.FormPaper, Receive: cases.ReceivePost}
}

// newCase stores a case received in person on received.
func newCase(t *testing.T, db *store.DB, agencyID int64, kind cases.ApplicantKind, received string) *cases.Case {
	t.Helper()
	c, ev, err := cases.NewCase(agencyID, cases.ChannelInPerson, person(kind), request("2020年城区道路改造工程批复文件"), caseDay(received), caseDay(received))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateCase(context.Background(), c, ev, nil, auditlog.Change{Actor: "officer", Action: "case.create"}); err != nil {
		t.Fatal(err)
	}
	return c
}

func step(t *testing.T, db *store.DB, id int64, action auditlog.Action, fn func(c *cases.Case) (cases.Event, error)) *cases.Case {
	t.Helper()
	c, err := db.CaseStep(context.Background(), id, fn, auditlog.Change{Actor: "officer", Action: action})
	if err != nil {
		t.Fatalf("%s: %v", action, err)
	}
	return c
}

func closeCase(t *testing.T, db *store.DB, id int64, o cases.Outcome, on string) {
	t.Helper()
	cal, _ := calendar.Default()
	step(t, db, id, "case.close", func(c *cases.Case) (cases.Event, error) {
		return c.Close(cal, cases.Closing{Outcome: o, Withheld: cases.WithheldThirdParty, Reason: "经查", On: caseDay(on)}, caseDay(on))
	})
}

func TestCaseWorkflow(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		city := mustAgency(t, db, "长治市人民政府", "cz", 0)
		bureau := mustAgency(t, db, "长治市行政审批服务管理局", "spj", city.ID)
		cal, _ := calendar.Default()
		today := caseDay("2026-03-02")
		db.Now = func() time.Time { return time.Date(2026, 2, 5, 9, 0, 0, 0, time.UTC) }

		c, ev, err := cases.NewCase(bureau.ID, cases.ChannelOnline, person(cases.NaturalPerson), request("城区道路改造批复"), calendar.Date{}, today)
		if err != nil {
			t.Fatal(err)
		}
		secret, err := db.CreateCase(ctx, c, ev, []cases.Attachment{{Name: "a.pdf", MIME: "application/pdf", Size: 8, BlobKey: "k-a"}},
			auditlog.Change{Actor: "public", Action: "case.submit"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.CaseByQuery(ctx, c.QueryNo, "WRONG"); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("wrong secret: %v", err)
		}
		got, err := db.CaseByQuery(ctx, strings.ToLower(c.QueryNo), strings.ToLower(secret))
		if err != nil || got.ID != c.ID || got.Stage != cases.StageAwaiting || got.Applicant.IDNumber != testID {
			t.Fatalf("by query: %+v %v", got, err)
		}
		if files, err := db.CaseAttachments(ctx, c.ID); err != nil || len(files) != 1 || files[0].Size != 8 || files[0].BlobKey != "k-a" {
			t.Errorf("attachments %+v %v", files, err)
		}
		// A step out of order changes nothing.
		_, err = db.CaseStep(ctx, c.ID, func(c *cases.Case) (cases.Event, error) {
			return c.Close(cal, cases.Closing{Outcome: cases.Disclosed, Reason: "x", On: today}, today)
		}, auditlog.Change{Actor: "officer", Action: "case.close"})
		if !errors.Is(err, errs.ErrConflict) {
			t.Errorf("close before confirmation: %v", err)
		}
		step(t, db, c.ID, "case.confirm", func(c *cases.Case) (cases.Event, error) { return c.Confirm(caseDay("2026-02-06"), today) })
		step(t, db, c.ID, "case.correction", func(c *cases.Case) (cases.Event, error) {
			return c.RequestCorrection(cal, caseDay("2026-02-09"), 5, []string{"请写明文件名称", "请写明文件的年份"}, today)
		})
		step(t, db, c.ID, "case.corrected", func(c *cases.Case) (cases.Event, error) {
			return c.ReceiveCorrection(caseDay("2026-02-26"), "长治市2020年城区道路改造工程的立项批复", today)
		})
		c = step(t, db, c.ID, "case.close", func(c *cases.Case) (cases.Event, error) {
			return c.Close(cal, cases.Closing{Outcome: cases.PartiallyDisclosed, Withheld: cases.WithheldThirdParty, Reason: "部分内容涉及商业秘密", On: today}, today)
		})
		if c.Stage != cases.StageClosed || !strings.Contains(c.Closing.Basis, "第十五条") || c.Request.Description != "长治市2020年城区道路改造工程的立项批复" ||
			c.OriginalRequest == "" || c.OriginalRequest == c.Request.Description || len(c.CorrectionItems) != 2 || c.CorrectionDays != 5 {
			t.Errorf("closed case %+v", c)
		}
		tl, err := db.CaseTimeline(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, e := range tl {
			kinds = append(kinds, e.Kind)
		}
		if got := strings.Join(kinds, ","); got != "submitted,confirmed,correction_requested,corrected,closed" {
			t.Errorf("timeline %s", got)
		}
		entries, err := db.AuditEntries(ctx, store.AuditFilter{AgencyIDs: []int64{bureau.ID}, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range entries {
			if strings.HasPrefix(string(e.Action), "case.") {
				n++
				if strings.Contains(e.Before+e.After, testID) || strings.Contains(e.Before+e.After, "13812345678") || strings.Contains(e.After, c.SecretHash) {
					t.Errorf("audit entry %s carries unmasked personal data: %s", e.Action, e.After)
				}
			}
		}
		if n != 5 {
			t.Errorf("%d case audit entries, want 5 (the failed close records nothing)", n)
		}
		v := auditlog.NewVerifier()
		if err := db.WalkAudit(ctx, func(e auditlog.Entry) error { v.Add(e); return nil }); err != nil || !v.OK() {
			t.Errorf("chain: %v %v", err, v.Breaks)
		}

		// Transfer keeps the history; the extension needs another person's approval.
		d := newCase(t, db, bureau.ID, cases.Commercial, "2026-02-02")
		step(t, db, d.ID, "case.transfer", func(c *cases.Case) (cases.Event, error) { return c.Transfer(city.ID, city.Name, "属市政府办理") })
		step(t, db, d.ID, "case.extend", func(c *cases.Case) (cases.Event, error) {
			return c.RequestExtension(cal, 15, "需调取档案", "officer", today)
		})
		if _, err := db.CaseStep(ctx, d.ID, func(c *cases.Case) (cases.Event, error) {
			return c.ApproveExtension(cal, "officer", today, today)
		}, auditlog.Change{Actor: "officer", Action: "case.approve"}); !errors.Is(err, errs.ErrForbidden) {
			t.Errorf("self-approval: %v", err)
		}
		d = step(t, db, d.ID, "case.approve", func(c *cases.Case) (cases.Event, error) { return c.ApproveExtension(cal, "approver", today, today) })
		if dl, ok := d.Deadline(cal, today); !ok || dl.Due.String() != "2026-03-27" || d.AgencyID != city.ID {
			t.Errorf("after transfer and extension: agency %d deadline %+v", d.AgencyID, dl)
		}
		if tl, _ := db.CaseTimeline(ctx, d.ID); len(tl) != 4 || tl[0].AgencyID != bureau.ID || tl[3].AgencyID != city.ID {
			t.Errorf("timeline after transfer %+v", tl)
		}
		list, err := db.Cases(ctx, store.CaseFilter{AgencyIDs: []int64{city.ID}, Open: true})
		if err != nil || len(list) != 1 || list[0].ID != d.ID {
			t.Errorf("open cases of the city: %v %v", list, err)
		}

		// A fee notice unpaid after 20 working days ends as other.fee_unpaid.
		e := newCase(t, db, bureau.ID, cases.NaturalPerson, "2026-02-02")
		again := newCase(t, db, bureau.ID, cases.NaturalPerson, "2026-02-03")
		if sim, err := db.SimilarCases(ctx, again); err != nil || len(sim) != 1 || sim[0] != e.ID {
			t.Errorf("similar cases %v %v", sim, err)
		}
		fee, _ := cases.ComputeFee(cases.FeeRequest{Method: cases.FeeByVolume, Units: 120})
		step(t, db, e.ID, "case.fee", func(c *cases.Case) (cases.Event, error) { return c.IssueFee(fee, caseDay("2026-02-03"), today) })
		if _, err := db.CaseStep(ctx, e.ID, func(c *cases.Case) (cases.Event, error) {
			return c.Close(cal, cases.Closing{Outcome: cases.OtherFeeUnpaid, Reason: "逾期未缴费", On: caseDay("2026-03-02")}, today)
		}, auditlog.Change{Actor: "officer", Action: "case.close"}); !errors.Is(err, errs.ErrConflict) {
			t.Errorf("fee_unpaid before the payment deadline: %v", err)
		}
		e = step(t, db, e.ID, "case.close", func(c *cases.Case) (cases.Event, error) {
			return c.Close(cal, cases.Closing{Outcome: cases.OtherFeeUnpaid, Reason: "逾期未缴费", On: caseDay("2026-03-10")}, caseDay("2026-03-10"))
		})
		if e.Fee.Yuan != 1100 || e.Closing.Outcome != cases.OtherFeeUnpaid || e.Pauses[0].End.String() != "2026-03-10" {
			t.Errorf("fee case %+v", e)
		}
	})
}

func TestCaseCountsAcrossYears(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市人民政府", "cz", 0)
		other := mustAgency(t, db, "长治市教育局", "jyj", a.ID)
		early := newCase(t, db, a.ID, cases.NaturalPerson, "2020-06-01")
		closeCase(t, db, early.ID, cases.Disclosed, "2020-06-20")
		fee := newCase(t, db, a.ID, cases.NaturalPerson, "2020-03-02")
		step(t, db, fee.ID, "case.fee", func(c *cases.Case) (cases.Event, error) {
			f, _ := cases.ComputeFee(cases.FeeRequest{Method: cases.FeeByVolume, Units: 40})
			return c.IssueFee(f, caseDay("2020-03-03"), caseDay("2020-03-03"))
		})
		closeCase(t, db, fee.ID, cases.OtherFeeUnpaid, "2020-05-06")
		cross := newCase(t, db, a.ID, cases.Research, "2020-12-21")
		closeCase(t, db, cross.ID, cases.NotProcessedDuplicate, "2021-01-05")
		newCase(t, db, a.ID, cases.LegalService, "2021-03-01")      // still open
		newCase(t, db, other.ID, cases.NaturalPerson, "2020-07-01") // another agency
		tests := []struct {
			year                                 int
			received, carriedIn, carriedOut, tot [7]int
			rows                                 map[string][7]int
		}{
			{2019, [7]int{}, [7]int{}, [7]int{}, [7]int{}, map[string][7]int{}},
			{2020, [7]int{2, 0, 1, 0, 0, 0, 3}, [7]int{}, [7]int{0, 0, 1, 0, 0, 0, 1}, [7]int{2, 0, 0, 0, 0, 0, 2},
				map[string][7]int{"disclosed": {1, 0, 0, 0, 0, 0, 1}, "other": {1, 0, 0, 0, 0, 0, 1}}},
			{2021, [7]int{0, 0, 0, 0, 1, 0, 1}, [7]int{0, 0, 1, 0, 0, 0, 1}, [7]int{0, 0, 0, 0, 1, 0, 1}, [7]int{0, 0, 1, 0, 0, 0, 1},
				map[string][7]int{"not_processed.duplicate": {0, 0, 1, 0, 0, 0, 1}}},
		}
		for _, tt := range tests {
			f := report.FormatForYear(tt.year)
			got, err := db.CaseCounts(ctx, a.ID, tt.year, f)
			if err != nil {
				t.Fatal(err)
			}
			if got.Received != tt.received || got.CarriedIn != tt.carriedIn || got.CarriedOut != tt.carriedOut || got.Total() != tt.tot {
				t.Errorf("%d: received %v in %v out %v total %v", tt.year, got.Received, got.CarriedIn, got.CarriedOut, got.Total())
			}
			if len(got.Outcomes) != len(tt.rows) {
				t.Errorf("%d: rows %v, want %v", tt.year, got.Outcomes, tt.rows)
			}
			for k, v := range tt.rows {
				if got.Outcomes[k] != v {
					t.Errorf("%d: row %s = %v, want %v", tt.year, k, got.Outcomes[k], v)
				}
			}
			r := report.New("长治市人民政府", tt.year, f)
			got.Fill(r)
			for _, fd := range report.Check(r) {
				t.Errorf("%d: %+v", tt.year, fd)
			}
		}
	})
}

func TestApplicantMonthCount(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市人民政府", "cz", 0)
		b := mustAgency(t, db, "长治市教育局", "jyj", a.ID)
		newCase(t, db, a.ID, cases.NaturalPerson, "2026-01-30") // the month before
		newCase(t, db, b.ID, cases.NaturalPerson, "2026-02-02") // another agency
		first := newCase(t, db, a.ID, cases.NaturalPerson, "2026-02-03")
		second := newCase(t, db, a.ID, cases.NaturalPerson, "2026-02-03")
		third := newCase(t, db, a.ID, cases.NaturalPerson, "2026-02-27")
		org := newCase(t, db, a.ID, cases.Commercial, "2026-02-27") // another applicant
		for _, tt := range []struct {
			c    *cases.Case
			want int
		}{{first, 0}, {second, 1}, {third, 2}, {org, 0}} {
			if got, err := db.ApplicantMonthCount(ctx, tt.c); err != nil || got != tt.want {
				t.Errorf("case %d: %d earlier this month (%v), want %d", tt.c.ID, got, err, tt.want)
			}
		}
		// The 11th application of a month is the first that costs (按件计收).
		prior, _ := db.ApplicantMonthCount(ctx, third)
		fee, err := cases.ComputeFee(cases.FeeRequest{Method: cases.FeeByCount, Prior: prior + 8, Units: 1})
		if err != nil || fee.Yuan != 100 {
			t.Errorf("fee of the 11th: %+v %v", fee, err)
		}
	})
}
