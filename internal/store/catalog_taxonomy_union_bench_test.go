package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// BenchmarkTaxonomyUnion compares what the search page reads for its
// 主题分类 and 体裁分类 selects across agencies (the unions over
// benchAgencies agencies) with what it reads within one agency, on each
// engine: "typical" has
// every tenth agency add 5 themes of its own beside the defaults, "heavy"
// every third add 30 (3010 options, more than a select can usefully show).
func BenchmarkTaxonomyUnion(b *testing.B) {
	for _, d := range storetest.Dialects {
		for _, size := range []struct {
			name         string
			every, extra int
		}{{"typical", 10, 5}, {"heavy", 3, 30}} {
			b.Run(string(d)+"/"+size.name, func(b *testing.B) { benchTaxonomyUnion(b, d, size.every, size.extra) })
		}
	}
}

// benchTaxonomyUnion fills a database with benchAgencies agencies, every
// every-th with extra themes of its own, and times both reads.
func benchTaxonomyUnion(b *testing.B, d store.Dialect, every, extra int) {
	ctx := context.Background()
	db := storetest.Open(b, d)
	var last int64
	for i := range benchAgencies {
		a := &agency.Agency{Name: fmt.Sprintf("机关%03d", i), Code: fmt.Sprintf("B%05d", i), Kind: agency.Government}
		if err := db.CreateAgency(ctx, a, sys); err != nil {
			b.Fatal(err)
		}
		last = a.ID
		if i%every != 0 {
			continue
		}
		t := catalog.DefaultTaxonomy(catalog.ThemeKind)
		for j := range extra {
			t.Entries = append(t.Entries, catalog.TaxonomyEntry{Code: fmt.Sprintf("a%d-%d", i, j), Label: fmt.Sprintf("专题%d之%d", i, j)})
		}
		if err := db.SetTaxonomy(ctx, a.ID, t, sys); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("one agency", func(b *testing.B) {
		for b.Loop() {
			for _, k := range catalog.TaxonomyKinds {
				if _, err := db.Taxonomy(ctx, last, k); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("union", func(b *testing.B) {
		var n int
		for b.Loop() {
			themes, _, err := db.TaxonomyUnions(ctx)
			if err != nil {
				b.Fatal(err)
			}
			n = len(themes.Entries)
		}
		b.ReportMetric(float64(n), "themes")
	})
}
