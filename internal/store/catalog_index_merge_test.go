package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// TestOptimizeSearchIndex fills the index one transaction at a time, which
// leaves SQLite's FTS5 index in many segments, merges it, and checks that
// it is then one segment a table and finds exactly what it found before.
func TestOptimizeSearchIndex(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", 0)
		start := time.Date(2021, 3, 1, 8, 0, 0, 0, time.UTC)
		for i := range 40 {
			body := fmt.Sprintf("第%d号通知：推进政务公开，优化营商环境。", i)
			if i%3 == 0 {
				body += "行政许可事项清单。"
			}
			it := imported(fmt.Sprintf("通知%02d", i), body, 0, "", "", start.Add(time.Duration(i)*time.Hour))
			if err := db.ImportItems(ctx, a.ID, []catalog.Item{it}, sys); err != nil {
				t.Fatal(err)
			}
		}
		queries := []store.CatalogQuery{{Text: "行政许可"}, {Text: "许"}, {Text: "公开", AgencyID: a.ID, ByDate: true}, {Text: "营商环境", PerPage: 5, Page: 3}}
		before := make([]string, len(queries))
		for i, q := range queries {
			got, r := searchTitles(t, db, q)
			before[i] = fmt.Sprintf("%d:%s", r.Total, got)
		}

		segs, err := db.SearchSegments(ctx)
		if err != nil {
			t.Fatal(err)
		}
		steps, err := db.OptimizeSearchIndex(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		after, err := db.SearchSegments(ctx)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d segments, %d after %d merge steps", segs, after, steps)
		if db.Dialect() == store.SQLite {
			if segs <= 2 || steps == 0 || after != 2 {
				t.Fatalf("segments %d, then %d after %d steps; want many, then one a table", segs, after, steps)
			}
		} else if segs != 0 || steps != 0 || after != 0 {
			t.Fatalf("PostgreSQL has no segments to merge: %d, %d steps, %d", segs, steps, after)
		}
		for i, q := range queries {
			got, r := searchTitles(t, db, q)
			if now := fmt.Sprintf("%d:%s", r.Total, got); now != before[i] {
				t.Errorf("%+v after merging: %s, before: %s", q, now, before[i])
			}
		}
		// Merged already: nothing to do.
		if steps, err := db.OptimizeSearchIndex(ctx, 0); err != nil || steps != 0 {
			t.Fatalf("second optimize: %d steps, %v", steps, err)
		}
	})
}
