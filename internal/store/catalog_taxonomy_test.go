package store_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

func TestTaxonomies(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		city := mustAgency(t, db, "长治市人民政府", "0142700-1", 0)
		bureau := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", city.ID)
		for _, k := range catalog.TaxonomyKinds {
			got, err := db.Taxonomy(ctx, bureau.ID, k)
			if err != nil || !reflect.DeepEqual(got, catalog.DefaultTaxonomy(k)) {
				t.Fatalf("%s before any change: %+v, %v", k, got, err)
			}
		}

		// One item uses the default genre 通知 and the theme 行政审批.
		it := mustItem(t, db, bureau.ID, 0, "关于调整办事时间的通知", "<p>正文</p>", calendar.NewDate(2022, 3, 1))
		it.Topic = "行政审批"
		if err := db.UpdateItem(ctx, it, as(editor)); err != nil {
			t.Fatal(err)
		}

		// Rename 通知 (its code stays), move it first, add 批复, drop 图片 (unused).
		genres := catalog.Taxonomy{Kind: catalog.GenreKind, Entries: []catalog.TaxonomyEntry{
			{Code: "通知", Label: "通知通告"}, {Code: catalog.GenreRule, Label: "规章"},
			{Code: catalog.GenreNormative, Label: "规范性文件"}, {Code: "pf", Label: "批复"}}}
		if err := db.SetTaxonomy(ctx, bureau.ID, genres, as(editor)); err != nil {
			t.Fatalf("set genres: %v", err)
		}
		got, err := db.Taxonomy(ctx, bureau.ID, catalog.GenreKind)
		if err != nil || !reflect.DeepEqual(got, genres) {
			t.Fatalf("genres after set: %+v, %v", got, err)
		}
		if other, _ := db.Taxonomy(ctx, city.ID, catalog.GenreKind); !reflect.DeepEqual(other, catalog.DefaultTaxonomy(catalog.GenreKind)) {
			t.Fatalf("another agency's genres changed: %+v", other)
		}
		if th, _ := db.Taxonomy(ctx, bureau.ID, catalog.ThemeKind); !reflect.DeepEqual(th, catalog.DefaultTaxonomy(catalog.ThemeKind)) {
			t.Fatalf("themes changed with genres: %+v", th)
		}
		if after, _ := db.Item(ctx, it.ID); after.Genre != "通知" || got.Label(after.Genre) != "通知通告" {
			t.Fatalf("item genre after rename: %q", after.Genre)
		}
		entries, err := db.AuditEntries(ctx, store.AuditFilter{AgencyIDs: []int64{bureau.ID}, Limit: 1})
		if err != nil || len(entries) != 1 || !strings.HasSuffix(entries[0].Object, ":taxonomy:genre") ||
			!strings.Contains(entries[0].Before, "图片") || strings.Contains(entries[0].After, "图片") || !strings.Contains(entries[0].After, "通知通告") {
			t.Fatalf("audit: %+v, %v", entries, err)
		}

		// The theme in use cannot be removed; nothing changes.
		themes := catalog.DefaultTaxonomy(catalog.ThemeKind)
		var kept []catalog.TaxonomyEntry
		for _, e := range themes.Entries {
			if e.Code != "行政审批" {
				kept = append(kept, e)
			}
		}
		err = db.SetTaxonomy(ctx, bureau.ID, catalog.Taxonomy{Kind: catalog.ThemeKind, Entries: kept}, as(editor))
		if !errors.Is(err, errs.ErrConflict) || !strings.Contains(err.Error(), "「行政审批」仍有 1 条信息使用") {
			t.Fatalf("remove theme in use: %v", err)
		}
		if th, _ := db.Taxonomy(ctx, bureau.ID, catalog.ThemeKind); !reflect.DeepEqual(th, themes) {
			t.Fatalf("themes after refused removal: %+v", th)
		}
		// Nor the genre in use, from the stored taxonomy.
		err = db.SetTaxonomy(ctx, bureau.ID, catalog.Taxonomy{Kind: catalog.GenreKind, Entries: genres.Entries[1:]}, as(editor))
		if !errors.Is(err, errs.ErrConflict) || !strings.Contains(err.Error(), "「通知通告」") {
			t.Fatalf("remove genre in use: %v", err)
		}
		// Invalid taxonomies are refused before touching the database.
		err = db.SetTaxonomy(ctx, bureau.ID, catalog.Taxonomy{Kind: catalog.ThemeKind}, as(editor))
		if !errors.Is(err, errs.ErrInvalid) {
			t.Fatalf("empty taxonomy: %v", err)
		}
	})
}
