package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// TestImportScansItems refuses to import straight to the portal an item
// whose text fails the privacy scan, imports nothing of that file, and
// keeps the findings of items imported as drafts for their review.
func TestImportScansItems(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", 0)
		day := calendar.NewDate(2026, 11, 1)
		published := func(title, body string) catalog.Item {
			return catalog.Item{AgencyID: a.ID, Title: title, Body: body, WrittenOn: day, State: catalog.Published,
				PublishedAt: time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC), AuthorID: editor.ID}
		}
		clean, leaky := published("通知一", "<p>关于开展工作的通知</p>"), published("通知二", "<p>联系人身份证 11010519491231002X</p>")
		err := db.ImportItems(ctx, a.ID, []catalog.Item{clean, leaky}, sys)
		if !errors.Is(err, errs.ErrInvalid) {
			t.Fatalf("published item with an ID number imported: %v", err)
		}
		draft := leaky
		draft.State, draft.PublishedAt = catalog.Draft, time.Time{}
		if err := db.ImportItems(ctx, a.ID, []catalog.Item{clean, draft}, sys); err != nil {
			t.Fatalf("import as draft: %v", err)
		}
		res, err := db.SearchCatalog(ctx, store.CatalogQuery{Text: "通知"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 {
			t.Fatalf("portal search finds %d items after the refused and the accepted import, want 1", res.Total)
		}
	})
}

// TestUnreadableAttachmentBlocksApproval treats an attachment the scan
// could not read like a finding: approval needs a written reason.
func TestUnreadableAttachmentBlocksApproval(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", 0)
		it := mustItem(t, db, a.ID, 0, "附件未能读取", "<p>正文</p>", calendar.NewDate(2026, 11, 1))
		att := &store.ItemAttachment{ItemID: it.ID, Name: "大文件.docx", ContentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			Size: 70 << 20, BlobKey: "x", TextError: "无法提取附件文字：文件过大"}
		if err := db.AddAttachment(ctx, a.ID, att, as(editor)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.TransitionItem(ctx, a.ID, it.ID, catalog.Step{Action: catalog.Submit, By: editor}, as(editor)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.TransitionItem(ctx, a.ID, it.ID, catalog.Step{Action: catalog.Approve, By: reviewer}, as(reviewer)); !errors.Is(err, errs.ErrConflict) {
			t.Fatalf("approval with an unread attachment and no reason: %v", err)
		}
		if _, err := db.TransitionItem(ctx, a.ID, it.ID, catalog.Step{Action: catalog.Approve, By: reviewer, Reason: "已人工阅读附件，无敏感内容"}, as(reviewer)); err != nil {
			t.Fatalf("approval with a reason: %v", err)
		}
	})
}
