package store_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

func TestTaxonomyUnion(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e := func(code, label string) catalog.TaxonomyEntry { return catalog.TaxonomyEntry{Code: code, Label: label} }
		union := func(kind catalog.TaxonomyKind) []catalog.TaxonomyEntry {
			t.Helper()
			themes, genres, err := db.TaxonomyUnions(ctx)
			u := themes
			if kind == catalog.GenreKind {
				u = genres
			}
			if err != nil || u.Kind != kind {
				t.Fatalf("union of %s: %+v, %v", kind, u, err)
			}
			return u.Entries
		}
		if got := union(catalog.ThemeKind); !reflect.DeepEqual(got, catalog.DefaultTaxonomy(catalog.ThemeKind).Entries) {
			t.Fatalf("no agency: %v", got)
		}
		city := mustAgency(t, db, "长治市人民政府", "0142700-1", 0)
		bureau := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", city.ID)
		health := mustAgency(t, db, "长治市卫生健康委员会", "0142769-6", city.ID)
		set := func(a int64, kind catalog.TaxonomyKind, es ...catalog.TaxonomyEntry) {
			t.Helper()
			if err := db.SetTaxonomy(ctx, a, catalog.Taxonomy{Kind: kind, Entries: es}, sys); err != nil {
				t.Fatal(err)
			}
		}
		// The bureau keeps two default themes and adds 证照办理; the health
		// commission keeps 其他 and adds 卫生健康 and, under another code
		// than the bureau's, a second 证照办理.
		set(bureau.ID, catalog.ThemeKind, e("证照", "证照办理"), e("行政审批", "行政审批"), e("其他", "其他"))
		set(health.ID, catalog.ThemeKind, e("ws", "卫生健康"), e("zz", "证照办理"), e("其他", "其他事项"))
		defaults := catalog.DefaultTaxonomy(catalog.ThemeKind).Entries
		// 卫 wei before 证 zheng; 证照办理 twice, the later code bracketed.
		want := append(append([]catalog.TaxonomyEntry{}, defaults...), e("ws", "卫生健康"), e("证照", "证照办理"), e("zz", "证照办理（zz）"))
		if got := union(catalog.ThemeKind); !reflect.DeepEqual(got, want) {
			t.Fatalf("themes with the city on the defaults:\n got %v\nwant %v", got, want)
		}
		// Once the city has its own themes too, the defaults nobody keeps
		// are gone; 其他 keeps the label of the first agency (the bureau).
		set(city.ID, catalog.ThemeKind, e("政务公开", "政务公开"), e("其他", "其他"))
		want = []catalog.TaxonomyEntry{e("政务公开", "政务公开"), e("行政审批", "行政审批"), e("其他", "其他"),
			e("ws", "卫生健康"), e("证照", "证照办理"), e("zz", "证照办理（zz）")}
		if got := union(catalog.ThemeKind); !reflect.DeepEqual(got, want) {
			t.Fatalf("themes with every agency's own:\n got %v\nwant %v", got, want)
		}
		// A new agency is on the defaults: they are all back, after the
		// city's and the bureau's labels, which come first.
		set(city.ID, catalog.ThemeKind, e("政务公开", "政务公开专栏"), e("其他", "其他"))
		mustAgency(t, db, "长治市财政局", "0142733-4", city.ID)
		want = slices.Clone(defaults)
		want[slices.Index(defaults, e("政务公开", "政务公开"))] = e("政务公开", "政务公开专栏")
		want = append(want, e("ws", "卫生健康"), e("证照", "证照办理"), e("zz", "证照办理（zz）"))
		if got := union(catalog.ThemeKind); !reflect.DeepEqual(got, want) {
			t.Fatalf("themes with a new agency on the defaults:\n got %v\nwant %v", got, want)
		}
		// Genres are their own kind: still the defaults everywhere.
		if got := union(catalog.GenreKind); !reflect.DeepEqual(got, catalog.DefaultTaxonomy(catalog.GenreKind).Entries) {
			t.Fatalf("genres: %v", got)
		}
	})
}
