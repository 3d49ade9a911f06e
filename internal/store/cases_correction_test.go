package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// TestCaseCorrectionOnline stores a correction sent on the status page: its
// day, text and files, the files marked as the correction's, in one step;
// a failing step stores no file; the staff's confirmation restarts the
// period with the text sent.
func TestCaseCorrectionOnline(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		city := mustAgency(t, db, "长治市人民政府", "cz", 0)
		cal, _ := calendar.Default()
		c := newCase(t, db, city.ID, cases.NaturalPerson, "2026-03-02")
		step(t, db, c.ID, "case.correction", func(c *cases.Case) (cases.Event, error) {
			return c.RequestCorrection(cal, caseDay("2026-03-03"), 10, []string{"请写明年份"}, caseDay("2026-03-03"))
		})
		submit := func(on string) (*cases.Case, error) {
			files := []cases.Attachment{{Name: "补正.pdf", MIME: "application/pdf", Size: 9, BlobKey: "k-" + on, Correction: true}}
			return db.CaseStepWithFiles(ctx, c.ID, func(c *cases.Case) (cases.Event, error) {
				return c.SubmitCorrection("2020年城区道路改造工程批复文件（2020年度）", len(files), caseDay(on))
			}, files, auditlog.Change{Actor: "public", Action: "case.correction_submit"})
		}
		if _, err := submit("2026-03-31"); !errors.Is(err, errs.ErrConflict) {
			t.Errorf("a correction after the period: %v", err)
		}
		if _, err := submit("2026-03-05"); err != nil {
			t.Fatal(err)
		}
		if _, err := submit("2026-03-06"); !errors.Is(err, errs.ErrConflict) {
			t.Errorf("a second online correction: %v", err)
		}
		got, err := db.Case(ctx, c.ID)
		if err != nil || got.Stage != cases.StageCorrection || got.CorrectionSubmitted != caseDay("2026-03-05") || got.CorrectionText != "2020年城区道路改造工程批复文件（2020年度）" {
			t.Fatalf("after the online correction: %+v %v", got, err)
		}
		files, err := db.CaseAttachments(ctx, c.ID)
		if err != nil || len(files) != 1 || !files[0].Correction || files[0].BlobKey != "k-2026-03-05" {
			t.Errorf("attachments %+v %v", files, err)
		}
		got = step(t, db, c.ID, "case.corrected", func(c *cases.Case) (cases.Event, error) {
			return c.ReceiveCorrection(caseDay("2026-03-06"), "", caseDay("2026-03-06"))
		})
		if got.Stage != cases.StageInProgress || got.CorrectedReceived != caseDay("2026-03-06") || got.Request.Description != "2020年城区道路改造工程批复文件（2020年度）" {
			t.Errorf("after confirming: %+v", got)
		}
		tl, err := db.CaseTimeline(ctx, c.ID)
		if err != nil || tl[len(tl)-2].Kind != "correction_submitted" || tl[len(tl)-2].Actor != "public" {
			t.Errorf("timeline %+v %v", tl, err)
		}
	})
}
