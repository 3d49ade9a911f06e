package demo_test

import (
	"context"
	"testing"

	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/store"
)

// TestCatalogFiguresMatchSeed checks that the demo catalog gives the seed
// report's 2020 numbers: 758 website items, 1427 WeChat posts of which
// 1100 original.
func TestCatalogFiguresMatchSeed(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		bureau := bureauOf(t, db)
		f, err := db.CatalogFigures(ctx, bureau.ID, 2020)
		if err != nil {
			t.Fatal(err)
		}
		wc := f.Channel(catalog.WeChat)
		if f.Website != 758 || wc.Count != 1427 || wc.Original != 1100 {
			t.Fatalf("2020: website %d, WeChat %d (original %d)", f.Website, wc.Count, wc.Original)
		}
		sum := 0
		for _, c := range f.ByColumn {
			sum += c.Count
		}
		if sum != 758 {
			t.Fatalf("columns add up to %d: %+v", sum, f.ByColumn)
		}
		res, err := db.SearchCatalog(ctx, store.CatalogQuery{Text: "权责清单", AgencyID: bureau.ID})
		if err != nil || res.Total != 60 {
			t.Fatalf("search 权责清单: %d, %v", res.Total, err)
		}
	})
}
