package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// TestPortalCatalogByCategory filters an agency's public catalog by 体裁分类
// (and keeps the column), as the portal's "catalog by column and category".
func TestPortalCatalogByCategory(t *testing.T) {
	t.Parallel()
	db := seeded.Open(t, store.SQLite)
	e := newEnv(t, db)
	ctx := context.Background()
	bureau := e.ids[demo.Bureau]
	all, err := db.SearchCatalog(ctx, store.CatalogQuery{AgencyID: bureau, ByDate: true})
	if err != nil {
		t.Fatal(err)
	}
	var genre string
	var want int
	for _, g := range catalog.DefaultTaxonomy(catalog.GenreKind).Codes() {
		res, err := db.SearchCatalog(ctx, store.CatalogQuery{AgencyID: bureau, Genre: g, ByDate: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total > 0 && res.Total < all.Total {
			genre, want = g, res.Total
			break
		}
	}
	if genre == "" {
		t.Fatal("the demo catalog has no genre that covers part of the bureau's items")
	}
	c := e.anonymous()
	_, body := c.get("/agencies/" + itoa(bureau) + "/catalog?genre=" + url.QueryEscape(genre))
	if !strings.Contains(body, "共 "+itoa(int64(want))+" 条") {
		t.Errorf("filtered catalog does not count %d items of %s", want, genre)
	}
	if !strings.Contains(body, `value="`+genre+`" selected`) {
		t.Errorf("the genre filter does not show %s as chosen", genre)
	}
	_, body = c.get("/agencies/" + itoa(bureau) + "/catalog")
	if !strings.Contains(body, "共 "+itoa(int64(all.Total))+" 条") || !strings.Contains(body, `<label for="cat-genre">体裁分类</label>`) {
		t.Errorf("unfiltered catalog: want %d items and the filter form", all.Total)
	}
}
