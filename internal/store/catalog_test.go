package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

var (
	editor   = catalog.Actor{ID: 101, Name: "editor"}
	reviewer = catalog.Actor{ID: 102, Name: "reviewer"}
)

func as(a catalog.Actor) auditlog.Change { return auditlog.Change{ActorID: a.ID, Actor: a.Name} }

// mustItem creates a draft by editor.
func mustItem(t *testing.T, db *store.DB, agencyID, columnID int64, title, body string, written calendar.Date) *catalog.Item {
	t.Helper()
	it := &catalog.Item{AgencyID: agencyID, ColumnID: columnID, Title: title, Body: body, WrittenOn: written,
		Publisher: "测试机关", AuthorID: editor.ID, Genre: "通知"}
	if err := db.CreateItem(context.Background(), it, as(editor)); err != nil {
		t.Fatalf("create %q: %v", title, err)
	}
	return it
}

// publish takes a draft through submit, approve and publish.
func publish(t *testing.T, db *store.DB, it *catalog.Item) *catalog.Item {
	t.Helper()
	ctx := context.Background()
	for _, s := range []catalog.Step{{Action: catalog.Submit, By: editor}, {Action: catalog.Approve, By: reviewer, Reason: "测试中强制通过"},
		{Action: catalog.Publish, By: reviewer}} {
		got, err := db.TransitionItem(ctx, it.AgencyID, it.ID, s, as(s.By))
		if err != nil {
			t.Fatalf("%s %q: %v", s.Action, it.Title, err)
		}
		it = got
	}
	return it
}

func TestCatalogWorkflow(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		city := mustAgency(t, db, "长治市人民政府", "0142700-1", 0)
		bureau := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", city.ID)
		col := &catalog.Column{AgencyID: bureau.ID, Name: "工作动态"}
		if err := db.SaveColumn(ctx, col, sys); err != nil {
			t.Fatal(err)
		}
		it := mustItem(t, db, bureau.ID, col.ID, "关于公布权责清单的通知", "<p>联系人身份证 11010519491231002X</p>", calendar.NewDate(2022, 3, 1))
		if it.IndexNo != "0142768-8/2022-00001" || it.State != catalog.Draft {
			t.Fatalf("created %q in %s", it.IndexNo, it.State)
		}
		if second := mustItem(t, db, bureau.ID, 0, "第二条", "正文", calendar.NewDate(2022, 5, 1)); second.IndexNo != "0142768-8/2022-00002" {
			t.Fatalf("second index no %q", second.IndexNo)
		}
		step := func(s catalog.Step, agencyID int64) error {
			_, err := db.TransitionItem(ctx, agencyID, it.ID, s, as(s.By))
			return err
		}
		if err := step(catalog.Step{Action: catalog.Submit, By: editor}, city.ID); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("another agency's submit: %v", err)
		}
		if err := step(catalog.Step{Action: catalog.Submit, By: editor}, bureau.ID); err != nil {
			t.Fatal(err)
		}
		found, err := db.Findings(ctx, it.ID)
		if err != nil || len(found) != 1 || found[0].Kind != catalog.FindIDNumber || found[0].Source != "正文" {
			t.Fatalf("findings %+v, %v", found, err)
		}
		if err := step(catalog.Step{Action: catalog.Approve, By: editor}, bureau.ID); !errors.Is(err, errs.ErrForbidden) {
			t.Fatalf("author approving: %v", err)
		}
		if err := step(catalog.Step{Action: catalog.Approve, By: reviewer}, bureau.ID); !errors.Is(err, errs.ErrConflict) {
			t.Fatalf("approving with findings: %v", err)
		}
		if err := step(catalog.Step{Action: catalog.Reject, By: reviewer}, bureau.ID); !errors.Is(err, errs.ErrInvalid) {
			t.Fatalf("reject without comment: %v", err)
		}
		if err := step(catalog.Step{Action: catalog.Reject, By: reviewer, Reason: "请删去身份证号码"}, bureau.ID); err != nil {
			t.Fatal(err)
		}
		it, _ = db.Item(ctx, it.ID)
		it.Body = "<p>联系人：张科长</p>"
		if err := db.UpdateItem(ctx, it, as(editor)); err != nil {
			t.Fatal(err)
		}
		for _, s := range []catalog.Step{{Action: catalog.Submit, By: editor}, {Action: catalog.Approve, By: reviewer}} {
			if err := step(s, bureau.ID); err != nil {
				t.Fatalf("%s: %v", s.Action, err)
			}
		}
		db.Now = func() time.Time { return time.Date(2022, 3, 10, 2, 0, 0, 0, time.UTC) }
		if err := step(catalog.Step{Action: catalog.Schedule, By: reviewer, When: time.Date(2022, 3, 11, 0, 0, 0, 0, time.UTC)}, bureau.ID); err != nil {
			t.Fatal(err)
		}
		if n, err := db.PublishDue(ctx, time.Date(2022, 3, 10, 23, 0, 0, 0, time.UTC)); err != nil || n != 0 {
			t.Fatalf("early PublishDue = %d, %v", n, err)
		}
		db.Now = func() time.Time { return time.Date(2022, 3, 11, 0, 1, 0, 0, time.UTC) }
		if n, err := db.PublishDue(ctx, db.Now()); err != nil || n != 1 {
			t.Fatalf("PublishDue = %d, %v", n, err)
		}
		it, _ = db.Item(ctx, it.ID)
		if it.State != catalog.Published || it.PublishedAt.IsZero() || it.ReviewerID != reviewer.ID {
			t.Fatalf("after schedule: %+v", it)
		}
		events, err := db.ItemEvents(ctx, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		var actions []catalog.Action
		for _, e := range events {
			actions = append(actions, e.Action)
		}
		want := []catalog.Action{"create", "submit", "reject", "edit", "submit", "approve", "schedule", "publish"}
		if len(actions) != len(want) {
			t.Fatalf("history %v, want %v", actions, want)
		}
		for i := range want {
			if actions[i] != want[i] {
				t.Fatalf("history %v, want %v", actions, want)
			}
		}
		if events[2].Reason != "请删去身份证号码" || events[2].Actor != "reviewer" {
			t.Fatalf("rejection event %+v", events[2])
		}
		if err := step(catalog.Step{Action: catalog.Withdraw, By: reviewer}, bureau.ID); !errors.Is(err, errs.ErrInvalid) {
			t.Fatalf("withdraw without reason: %v", err)
		}
		if err := step(catalog.Step{Action: catalog.Withdraw, By: reviewer, Reason: "内容有误"}, bureau.ID); err != nil {
			t.Fatal(err)
		}
		entries, err := db.AuditEntries(ctx, store.AuditFilter{AgencyIDs: []int64{bureau.ID}})
		if err != nil {
			t.Fatal(err)
		}
		withdrawn := false
		for _, e := range entries {
			withdrawn = withdrawn || (e.Action == "item.withdraw" && e.Object == fmt.Sprintf("item:%d", it.ID) && e.Actor == "reviewer")
		}
		if !withdrawn {
			t.Fatalf("no audit entry for the withdrawal in %d entries", len(entries))
		}
	})
}

func TestCatalogFigures(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", 0)
		news := &catalog.Column{AgencyID: a.ID, Name: "工作动态"}
		power := &catalog.Column{AgencyID: a.ID, Name: "行政权力"}
		for _, c := range []*catalog.Column{news, power} {
			if err := db.SaveColumn(ctx, c, sys); err != nil {
				t.Fatal(err)
			}
		}
		list := &catalog.Column{AgencyID: a.ID, ParentID: power.ID, Name: "权责清单", Position: 1}
		if err := db.SaveColumn(ctx, list, sys); err != nil {
			t.Fatal(err)
		}
		at := func(y, m, d int) func() time.Time {
			return func() time.Time { return time.Date(y, time.Month(m), d, 2, 0, 0, 0, time.UTC) }
		}
		db.Now = at(2020, 3, 1)
		publish(t, db, mustItem(t, db, a.ID, news.ID, "动态一", "正文", calendar.NewDate(2020, 2, 20)))
		publish(t, db, mustItem(t, db, a.ID, list.ID, "权责清单", "正文", calendar.NewDate(2020, 2, 20)))
		rule := mustItem(t, db, a.ID, 0, "规范性文件甲", "正文", calendar.NewDate(2019, 12, 20))
		rule.Genre = catalog.GenreNormative
		if err := db.UpdateItem(ctx, rule, as(editor)); err != nil {
			t.Fatal(err)
		}
		rule = publish(t, db, rule)
		wechat := &catalog.Item{AgencyID: a.ID, Title: "微信推送", WrittenOn: calendar.NewDate(2020, 3, 1), Channel: catalog.WeChat, Original: false, AuthorID: editor.ID}
		if err := db.CreateItem(ctx, wechat, as(editor)); err != nil {
			t.Fatal(err)
		}
		publish(t, db, wechat)
		db.Now = at(2021, 6, 1)
		publish(t, db, mustItem(t, db, a.ID, news.ID, "动态二", "正文", calendar.NewDate(2021, 5, 20)))
		if _, err := db.TransitionItem(ctx, a.ID, rule.ID, catalog.Step{Action: catalog.Repeal, By: reviewer, When: db.Now()}, as(reviewer)); err != nil {
			t.Fatal(err)
		}

		f, err := db.CatalogFigures(ctx, a.ID, 2020)
		if err != nil {
			t.Fatal(err)
		}
		if f.Website != 3 || f.Channel(catalog.WeChat).Count != 1 || f.Channel(catalog.WeChat).Original != 0 || f.NewMedia().Count != 1 {
			t.Fatalf("2020 channels: website %d, %+v", f.Website, f.Channels)
		}
		wantCols := []catalog.ColumnCount{{ColumnID: news.ID, Column: "工作动态", Count: 1}, {ColumnID: power.ID, Column: "行政权力"},
			{ColumnID: list.ID, Column: "行政权力 / 权责清单", Count: 1}, {Column: "", Count: 1}}
		if len(f.ByColumn) != len(wantCols) {
			t.Fatalf("by column %+v", f.ByColumn)
		}
		for i, w := range wantCols {
			if f.ByColumn[i] != w {
				t.Errorf("column %d = %+v, want %+v", i, f.ByColumn[i], w)
			}
		}
		if want := (catalog.DocumentFigures{Made: 0, Published: 1, Total: 1, InForce: 1}); f.NormativeDocuments != want {
			t.Errorf("2020 normative %+v, want %+v", f.NormativeDocuments, want)
		}
		f, err = db.CatalogFigures(ctx, a.ID, 2021)
		if err != nil {
			t.Fatal(err)
		}
		if want := (catalog.DocumentFigures{Repealed: 1, Total: 1}); f.NormativeDocuments != want || f.Website != 1 {
			t.Errorf("2021 normative %+v, want %+v; website %d", f.NormativeDocuments, want, f.Website)
		}
	})
}

// TestAttachmentBlobKeys lists the files attachments refer to: not the
// file of an attachment removed from a draft, once however many refer.
func TestAttachmentBlobKeys(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", 0)
		one := mustItem(t, db, a.ID, 0, "办事指南", "<p>见附件</p>", calendar.NewDate(2026, 11, 2))
		two := mustItem(t, db, a.ID, 0, "办事指南（二）", "<p>见附件</p>", calendar.NewDate(2026, 11, 3))
		var removed int64
		for _, att := range []*store.ItemAttachment{{ItemID: one.ID, BlobKey: "k1"}, {ItemID: two.ID, BlobKey: "k1"}, {ItemID: two.ID, BlobKey: "k2"}} {
			att.Name, att.ContentType = "附件.pdf", "application/pdf"
			if err := db.AddAttachment(ctx, a.ID, att, as(editor)); err != nil {
				t.Fatal(err)
			}
			removed = att.ID
		}
		if err := db.RemoveAttachment(ctx, a.ID, two.ID, removed, as(editor)); err != nil {
			t.Fatal(err)
		}
		keys, err := db.AttachmentBlobKeys(ctx)
		if err != nil || len(keys) != 1 || !keys["k1"] {
			t.Fatalf("blob keys: %v, %v; want k1 alone", keys, err)
		}
	})
}
