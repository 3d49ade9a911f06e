package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// TestOutboxWrittenWithTheStep queues an e-mail for the steps that concern
// the applicant — 补正 requested, closed — in the step's transaction, none
// for a consultation, and none at all for an applicant without an e-mail
// address; the rows carry the query number and the status path, never the
// code.
func TestOutboxWrittenWithTheStep(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		city := mustAgency(t, db, "长治市人民政府", "cz", 0)
		c := newCase(t, db, city.ID, cases.NaturalPerson, "2026-03-02")
		correct(t, db, c.ID, "2026-03-03", "2026-03-05")
		step(t, db, c.ID, "case.consult", func(c *cases.Case) (cases.Event, error) {
			return c.StartConsultation(cases.PauseThirdParty, caseDay("2026-03-06"), "王五", caseDay("2026-03-06"))
		})
		step(t, db, c.ID, "case.consult_end", func(c *cases.Case) (cases.Event, error) {
			return c.EndConsultation(caseDay("2026-03-10"), "王五同意公开", caseDay("2026-03-10"))
		})
		closeCase(t, db, c.ID, cases.Disclosed, "2026-03-20")
		got, err := db.CaseNotifications(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, n := range got {
			kinds = append(kinds, n.Kind)
			if n.To != "zhangsan@example.com" || n.QueryNo != c.QueryNo || n.Path != "/cases/status?no="+c.QueryNo ||
				n.State != store.OutboxPending || n.Attempts != 0 || n.Text == "" || strings.Contains(n.Text, "王五") {
				t.Errorf("notification %+v", n)
			}
		}
		if strings.Join(kinds, ",") != "correction_requested,closed" {
			t.Errorf("kinds %v, want correction_requested,closed", kinds)
		}

		org := newCase(t, db, city.ID, cases.Commercial, "2026-03-02")
		closeCase(t, db, org.ID, cases.Disclosed, "2026-03-04")
		if got, err := db.CaseNotifications(ctx, org.ID); err != nil || len(got) != 0 {
			t.Errorf("an applicant without e-mail: %+v %v", got, err)
		}
	})
}

// TestOutboxClaims hands each due notification to one sender: a second
// claim takes the next one, a failure waits for its retry time, a claim
// lapses after staleBefore, and a sent or given-up one is never claimed.
func TestOutboxClaims(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		city := mustAgency(t, db, "长治市人民政府", "cz", 0)
		c := newCase(t, db, city.ID, cases.NaturalPerson, "2026-03-02")
		correct(t, db, c.ID, "2026-03-03", "2026-03-03")
		closeCase(t, db, c.ID, cases.Disclosed, "2026-03-03")
		claim := func() (store.Notification, bool) {
			t.Helper()
			n, ok, err := db.ClaimNotification(ctx, now.Add(-time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			return n, ok
		}
		first, ok := claim()
		second, ok2 := claim()
		if !ok || !ok2 || first.Kind != "correction_requested" || second.Kind != "closed" {
			t.Fatalf("claims %+v %v, %+v %v", first, ok, second, ok2)
		}
		if _, ok := claim(); ok {
			t.Fatal("a third claim while both are held")
		}
		if err := db.FailedNotification(ctx, first.ID, "451 try later", now.Add(10*time.Minute), false); err != nil {
			t.Fatal(err)
		}
		now = now.Add(5 * time.Minute) // the second's claim lapsed, the first waits
		n, ok := claim()
		if !ok || n.ID != second.ID {
			t.Fatalf("after the lapse: %+v %v", n, ok)
		}
		if err := db.SentNotification(ctx, second.ID); err != nil {
			t.Fatal(err)
		}
		now = now.Add(10 * time.Minute)
		n, ok = claim()
		if !ok || n.ID != first.ID || n.Attempts != 1 || n.LastError != "451 try later" {
			t.Fatalf("the retry: %+v %v", n, ok)
		}
		if err := db.FailedNotification(ctx, first.ID, "550 no such user", now, true); err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Hour)
		if n, ok := claim(); ok {
			t.Fatalf("claimed %+v after all were sent or given up", n)
		}
		all, err := db.CaseNotifications(ctx, c.ID)
		if err != nil || len(all) != 2 || all[0].State != store.OutboxFailed || all[0].Attempts != 2 ||
			all[1].State != store.OutboxSent || all[1].SentAt.IsZero() {
			t.Errorf("outbox %+v %v", all, err)
		}
	})
}

// correct asks the applicant of case id for a 补正 on asked and records the
// corrected application received on received.
func correct(t *testing.T, db *store.DB, id int64, asked, received string) {
	t.Helper()
	cal, _ := calendar.Default()
	step(t, db, id, "case.correction", func(c *cases.Case) (cases.Event, error) {
		return c.RequestCorrection(cal, caseDay(asked), 10, []string{"请写明年份"}, caseDay(asked))
	})
	step(t, db, id, "case.corrected", func(c *cases.Case) (cases.Event, error) {
		return c.ReceiveCorrection(caseDay(received), "", caseDay(received))
	})
}
