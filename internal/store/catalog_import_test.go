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
