package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report"
	"github.com/gongkai/gongkai/internal/report/annual"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

func TestAnnualReportWorkflow(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		city := mustAgency(t, db, "长治市人民政府", "0142700-1", 0)
		bureau := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", city.ID)
		approver := &auth.User{Username: "spj-approver", DisplayName: "审批人", PasswordHash: "x"}
		if err := db.CreateUser(ctx, approver, sys); err != nil {
			t.Fatal(err)
		}
		rec := annual.New(bureau.ID, 2020, nil)
		if err := rec.SetFigure("licensing", "decisions", "12209"); err != nil {
			t.Fatal(err)
		}
		rec.Entered.Notes["licensing"] = "政务服务平台"
		rec.Prose.Problems = "主动公开意识不强。"
		if err := db.CreateAnnualReport(ctx, rec, sys); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateAnnualReport(ctx, annual.New(bureau.ID, 2020, nil), sys); !errors.Is(err, errs.ErrConflict) {
			t.Fatalf("second 2020 report: err = %v, want conflict", err)
		}
		got, err := db.AnnualReport(ctx, bureau.ID, 2020)
		if err != nil || got.Entered.Figures["licensing"]["decisions"] != 12209 || got.Entered.Notes["licensing"] != "政务服务平台" ||
			got.Prose.Problems != rec.Prose.Problems || got.Status != annual.Draft || got.Format != report.Format2019 {
			t.Fatalf("AnnualReport = %+v, %v", got, err)
		}
		if _, err := db.AnnualReport(ctx, city.ID, 2020); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("city's report: err = %v, want not found", err)
		}

		// Publishing needs a sign-off; a sign-off needs the state checked.
		v := &annual.Version{PublishedBy: "spj-approver", Snapshot: annual.Snapshot{Document: report.Document{Report: report.New(bureau.Name, 2020, report.Format2019)}}}
		if err := db.PublishAnnualReport(ctx, got, v, sys); !errors.Is(err, errs.ErrConflict) {
			t.Fatalf("publishing a draft: err = %v, want conflict", err)
		}
		stale := *got
		got.Prose.Other = "无。"
		if err := db.SaveAnnualReport(ctx, got, sys); err != nil {
			t.Fatal(err)
		}
		if err := db.SignOffAnnualReport(ctx, &stale, approver.ID, sys); !errors.Is(err, errs.ErrConflict) {
			t.Fatalf("sign-off of a stale state: err = %v, want conflict", err)
		}
		if err := db.SignOffAnnualReport(ctx, got, approver.ID, sys); err != nil {
			t.Fatal(err)
		}
		v.Snapshot.Document.Report.Proactive["licensing"]["decisions"] = 12209
		if err := db.PublishAnnualReport(ctx, got, v, sys); err != nil || v.Version != 1 {
			t.Fatalf("publish: version %d, %v", v.Version, err)
		}

		// A later edit does not alter the published version; a correction is version 2.
		got.Entered.Figures["licensing"]["decisions"] = 1
		if err := db.SaveAnnualReport(ctx, got, sys); err != nil || got.Status != annual.Draft {
			t.Fatalf("edit after publication: %s, %v", got.Status, err)
		}
		if err := db.SignOffAnnualReport(ctx, got, approver.ID, sys); err != nil {
			t.Fatal(err)
		}
		v2 := &annual.Version{PublishedBy: "spj-approver", ChangeNote: "更正行政许可处理决定数量", Snapshot: annual.Snapshot{Document: report.Document{Report: report.New(bureau.Name, 2020, report.Format2019)}}}
		if err := db.PublishAnnualReport(ctx, got, v2, sys); err != nil || v2.Version != 2 {
			t.Fatalf("correction: version %d, %v", v2.Version, err)
		}
		versions, err := db.AnnualReportVersions(ctx, bureau.ID, 2020)
		if err != nil || len(versions) != 2 || versions[0].Version != 2 || versions[0].ChangeNote == "" {
			t.Fatalf("versions = %+v, %v", versions, err)
		}
		if d := versions[1].Snapshot.Document.Report.Proactive["licensing"]["decisions"]; d != 12209 {
			t.Errorf("version 1 snapshot changed: decisions %v", d)
		}
		years, err := db.PublishedYears(ctx, bureau.ID)
		if err != nil || len(years) != 1 || years[0].Year != 2020 || years[0].Latest != 2 || !years[0].First.Equal(versions[1].PublishedAt) {
			t.Errorf("PublishedYears = %+v, %v", years, err)
		}
		list, err := db.AnnualReports(ctx, bureau.ID)
		if err != nil || len(list) != 1 || list[0].Status != annual.Published {
			t.Errorf("AnnualReports = %+v, %v", list, err)
		}
	})
}
