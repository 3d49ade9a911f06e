package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/search"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// imported returns a published item for ImportItems.
func imported(title, body string, column int64, topic, genre string, published time.Time) catalog.Item {
	return catalog.Item{ColumnID: column, Publisher: "测试机关", Title: title, Body: "<p>" + body + "</p>",
		WrittenOn: calendar.DateOf(published).AddDays(-2), PublishedAt: published, CreatedAt: published,
		Topic: topic, Genre: genre, State: catalog.Published, Attribute: catalog.Proactive,
		Channel: catalog.Website, Original: true}
}

// searchTitles runs a search and returns the titles found in order and
// the result's total.
func searchTitles(t *testing.T, db *store.DB, cq store.CatalogQuery) (string, store.CatalogResults) {
	t.Helper()
	r, err := db.SearchCatalog(context.Background(), cq)
	if err != nil {
		t.Fatalf("search %+v: %v", cq, err)
	}
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Item.Title)
	}
	return strings.Join(out, "|"), r
}

// TestSearchIndexFilters checks that a text search applies every filter
// through the index: column (with sub-columns), 主题分类, 体裁分类, 有效性
// (also after an item is repealed) and dates.
func TestSearchIndexFilters(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", 0)
		other := mustAgency(t, db, "长治市教育局", "0142769-6", 0)
		col := &catalog.Column{AgencyID: a.ID, Name: "依法行政"}
		if err := db.SaveColumn(ctx, col, sys); err != nil {
			t.Fatal(err)
		}
		sub := &catalog.Column{AgencyID: a.ID, ParentID: col.ID, Name: "制度建设"}
		if err := db.SaveColumn(ctx, sub, sys); err != nil {
			t.Fatal(err)
		}
		day := func(d int) time.Time { return time.Date(2021, 3, d, 2, 0, 0, 0, time.UTC) }
		err := db.ImportItems(ctx, a.ID, []catalog.Item{
			imported("行政许可办法", "规范行政许可。", sub.ID, "行政审批", catalog.GenreNormative, day(1)),
			imported("许可事项清单", "行政许可事项。", col.ID, "政务公开", "通知", day(2)),
			imported("工作动态", "召开行政许可改革会议。", 0, "行政审批", "动态", day(3)),
		}, sys)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.ImportItems(ctx, other.ID, []catalog.Item{imported("教育行政许可", "行政许可。", 0, "行政审批", "通知", day(4))}, sys); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			cq   store.CatalogQuery
			want string
		}{
			{"every agency, newest first", store.CatalogQuery{Text: "许可", ByDate: true}, "教育行政许可|工作动态|许可事项清单|行政许可办法"},
			{"agency", store.CatalogQuery{Text: "许可", AgencyID: a.ID, ByDate: true}, "工作动态|许可事项清单|行政许可办法"},
			{"column with its sub-column", store.CatalogQuery{Text: "许可", ColumnID: col.ID, ByDate: true}, "许可事项清单|行政许可办法"},
			{"sub-column", store.CatalogQuery{Text: "许", ColumnID: sub.ID}, "行政许可办法"},
			{"topic", store.CatalogQuery{Text: "行政许可", Topic: "行政审批", AgencyID: a.ID, ByDate: true}, "工作动态|行政许可办法"},
			{"genre", store.CatalogQuery{Text: "许可", Genre: "通知", ByDate: true}, "教育行政许可|许可事项清单"},
			{"dates", store.CatalogQuery{Text: "许可", From: calendar.DateOf(day(2)), To: calendar.DateOf(day(3)), ByDate: true}, "工作动态|许可事项清单"},
			{"validity", store.CatalogQuery{Text: "许可", Validity: catalog.Valid, AgencyID: other.ID}, "教育行政许可"},
			{"nothing repealed yet", store.CatalogQuery{Text: "许可", Validity: catalog.Repealed}, ""},
			{"an unknown column", store.CatalogQuery{Text: "许可", ColumnID: 9999}, ""},
		}
		for _, tt := range tests {
			if got, r := searchTitles(t, db, tt.cq); got != tt.want || r.Total != len(r.Hits) || r.Capped {
				t.Errorf("%s: got %q (total %d), want %q", tt.name, got, r.Total, tt.want)
			}
		}

		_, r := searchTitles(t, db, store.CatalogQuery{Text: "许可办法"})
		rule := r.Hits[0].Item
		if _, err := db.TransitionItem(ctx, a.ID, rule.ID, catalog.Step{Action: catalog.Repeal, By: reviewer, When: day(10)}, as(reviewer)); err != nil {
			t.Fatal(err)
		}
		if got, _ := searchTitles(t, db, store.CatalogQuery{Text: "许可", Validity: catalog.Repealed}); got != "行政许可办法" {
			t.Errorf("repealed: %q", got)
		}
		if got, _ := searchTitles(t, db, store.CatalogQuery{Text: "许可", Validity: catalog.Valid, AgencyID: a.ID, ByDate: true}); got != "工作动态|许可事项清单" {
			t.Errorf("still valid after the repeal: %q", got)
		}
	})
}

// TestSearchIndexCapped checks a search that finds more than
// SearchCountLimit items: the total is capped, and by relevance the items
// with the words in their title come first, newest first, then the rest.
func TestSearchIndexCapped(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", 0)
		start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
		n := store.SearchCountLimit + 30
		var items []catalog.Item
		for i := range n {
			title := fmt.Sprintf("工作动态第%d期", i)
			if i%100 == 7 { // 11 titles, the oldest first
				title = fmt.Sprintf("营商环境简报第%d期", i)
			}
			items = append(items, imported(title, "优化营商环境，推进改革。", 0, "", "", start.Add(time.Duration(i)*time.Hour)))
		}
		if err := db.ImportItems(ctx, a.ID, items, sys); err != nil {
			t.Fatal(err)
		}
		check := func() {
			_, r := searchTitles(t, db, store.CatalogQuery{Text: "营商环境", PerPage: 5, Page: 3})
			if !r.Capped || r.Total != store.SearchCountLimit || r.Pages() != store.SearchCountLimit/5 {
				t.Fatalf("capped: total %d, capped %v, pages %d", r.Total, r.Capped, r.Pages())
			}
			got, _ := searchTitles(t, db, store.CatalogQuery{Text: "营商环境", PerPage: 5, Page: 2})
			want := "营商环境简报第507期|营商环境简报第407期|营商环境简报第307期|营商环境简报第207期|营商环境简报第107期"
			if got != want {
				t.Fatalf("page 2 by relevance: %q, want %q", got, want)
			}
			got, _ = searchTitles(t, db, store.CatalogQuery{Text: "营商环境", PerPage: 5, Page: 3})
			want = fmt.Sprintf("营商环境简报第7期|工作动态第%d期|工作动态第%d期|工作动态第%d期|工作动态第%d期", n-1, n-2, n-3, n-4)
			if got != want {
				t.Fatalf("page 3 by relevance, where the titles end: %q, want %q", got, want)
			}
			got, _ = searchTitles(t, db, store.CatalogQuery{Text: "营商环境", PerPage: 2, ByDate: true})
			if want := fmt.Sprintf("工作动态第%d期|工作动态第%d期", n-1, n-2); got != want {
				t.Fatalf("by date: %q, want %q", got, want)
			}
			if _, r := searchTitles(t, db, store.CatalogQuery{Text: "简报"}); r.Capped || r.Total != 11 {
				t.Fatalf("a narrower search is counted exactly: %d, capped %v", r.Total, r.Capped)
			}
			// More than SearchCountLimit titles: every page is of titles,
			// newest first.
			got, r = searchTitles(t, db, store.CatalogQuery{Text: "工作动态", PerPage: 2, Page: 2})
			if want := fmt.Sprintf("工作动态第%d期|工作动态第%d期", n-3, n-4); got != want || !r.Capped {
				t.Fatalf("page 2 of a word in 1019 titles: %q (capped %v), want %q", got, r.Capped, want)
			}
		}
		check()
		// With statistics PostgreSQL knows that 营商环境 is in every item
		// and walks the sort_key index instead of asking GIN: the same
		// answers.
		if err := db.Exec(ctx, "ANALYZE"); err != nil {
			t.Fatal(err)
		}
		dense, err := db.DenseSearch(ctx, "营商环境")
		if err != nil || dense != (db.Dialect() == store.Postgres) {
			t.Fatalf("dense search after ANALYZE: %v, %v", dense, err)
		}
		if sparse, err := db.DenseSearch(ctx, "简报"); err != nil || sparse {
			t.Fatalf("a word in 1 %% of the items is dense: %v, %v", sparse, err)
		}
		if db.Dialect() == store.Postgres {
			// 营商, 商环 and 环境 are in the same 11 titles: multiplying
			// their frequencies would estimate a thousandth of a title.
			if n, err := db.EstimateTitleMatches(ctx, "营商环境"); err != nil || n < 5 || n > 40 {
				t.Fatalf("estimate of a phrase in 11 titles: %v, %v", n, err)
			}
		}
		check()
	})
}

// TestSearchIndexLongTexts checks the count of items whose text is long
// enough to take several index rows on PostgreSQL (search.Chunks): more
// rows than SearchCountLimit match, fewer items.
func TestSearchIndexLongTexts(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", 0)
		start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
		body := "营商环境" + strings.Repeat("政务", search.ChunkTokens/2+50) + "营商环境"
		const n = 600
		var items []catalog.Item
		for i := range n {
			items = append(items, imported(fmt.Sprintf("长篇报告第%d期", i), body, 0, "", "", start.Add(time.Duration(i)*time.Hour)))
		}
		if err := db.ImportItems(ctx, a.ID, items, sys); err != nil {
			t.Fatal(err)
		}
		got, r := searchTitles(t, db, store.CatalogQuery{Text: "营商环境", PerPage: 2, Page: 3})
		if want := fmt.Sprintf("长篇报告第%d期|长篇报告第%d期", n-5, n-6); r.Total != n || r.Capped || got != want {
			t.Fatalf("%d items of two index rows each: total %d (capped %v), page 3 %q, want %q", n, r.Total, r.Capped, got, want)
		}
	})
}

// TestSearchIndexRebuild checks that Migrate rebuilds an index whose
// layout is out of date.
func TestSearchIndexRebuild(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", 0)
		day := time.Date(2021, 3, 1, 2, 0, 0, 0, time.UTC)
		if err := db.ImportItems(ctx, a.ID, []catalog.Item{imported("行政许可办法", "规范许可。", 0, "", "", day)}, sys); err != nil {
			t.Fatal(err)
		}
		if err := db.Exec(ctx, `UPDATE search_index SET version = 0`); err != nil {
			t.Fatal(err)
		}
		if err := db.Exec(ctx, `DELETE FROM catalog_search`); err != nil {
			t.Fatal(err)
		}
		if db.Dialect() == store.SQLite {
			for _, table := range []string{"catalog_fts", "catalog_fts_title"} {
				if err := db.Exec(ctx, `DELETE FROM `+table); err != nil {
					t.Fatal(err)
				}
			}
		}
		if got, _ := searchTitles(t, db, store.CatalogQuery{Text: "许可"}); got != "" {
			t.Fatalf("the emptied index still finds %q", got)
		}
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if got, _ := searchTitles(t, db, store.CatalogQuery{Text: "许可"}); got != "行政许可办法" {
			t.Fatalf("after the rebuild: %q", got)
		}
		// An index of an older layout, still full, is rebuilt in place:
		// every item once, its title indexed; more items than a batch,
		// which PostgreSQL's workers index side by side.
		var more []catalog.Item
		for i := range 1200 {
			body := "工作动态。"
			if i%2 == 0 {
				body = "双数期刊载。"
			}
			more = append(more, imported(fmt.Sprintf("简报第%d期", i), body, 0, "", "", day.Add(time.Duration(i+1)*time.Hour)))
		}
		if err := db.ImportItems(ctx, a.ID, more, sys); err != nil {
			t.Fatal(err)
		}
		if err := db.Exec(ctx, `UPDATE search_index SET version = 1`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"许可", "办法"} {
			if got, r := searchTitles(t, db, store.CatalogQuery{Text: q}); got != "行政许可办法" || r.Total != 1 {
				t.Fatalf("%s after rebuilding in place: %q, %d", q, got, r.Total)
			}
		}
		if _, r := searchTitles(t, db, store.CatalogQuery{Text: "双数"}); r.Total != 600 || r.Capped {
			t.Fatalf("双数 after rebuilding in place: %d items (capped %v), want 600", r.Total, r.Capped)
		}
		if got, _ := searchTitles(t, db, store.CatalogQuery{Text: "简报", ByDate: true, PerPage: 2}); got != "简报第1199期|简报第1198期" {
			t.Fatalf("newest 简报 after rebuilding in place: %q", got)
		}
	})
}

// TestSearchIndexLayoutPostgres checks the PostgreSQL index of layouts 2 and 3:
// a one-character query is the character's own token (found wherever the
// character stands, in a filtered search too), and a tsvector of a
// typical item's size stays in the row instead of the TOAST table.
func TestSearchIndexLayoutPostgres(t *testing.T) {
	t.Parallel()
	db := storetest.Open(t, store.Postgres)
	ctx := context.Background()
	a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", 0)
	day := time.Date(2021, 3, 1, 2, 0, 0, 0, time.UTC)
	body := strings.Repeat("优化营商环境，推进行政审批制度改革，压缩办理时限。", 40) // ~1 KB of Han text
	items := []catalog.Item{
		imported("关于印发行政许可办法的通知", body, 0, "", "", day),
		imported("工作动态", body+"也许", 0, "", "", day.Add(time.Hour)),
	}
	if err := db.ImportItems(ctx, a.ID, items, sys); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ q, want string }{
		{"许", "关于印发行政许可办法的通知|工作动态"}, // 许 starts a bigram in one, ends a run in the other
		{"可", "关于印发行政许可办法的通知"},      // in the title alone
		{"证", ""},
	} {
		for _, cq := range []store.CatalogQuery{{Text: tt.q}, {Text: tt.q, AgencyID: a.ID}} {
			if got, _ := searchTitles(t, db, cq); got != tt.want {
				t.Errorf("%+v: %q, want %q", cq, got, tt.want)
			}
		}
	}
	// The TOAST table may hold the grams, read by GIN alone, but not tsv.
	var size, grams, toast int64
	var toastTable string
	err := db.QueryRow(ctx, `SELECT max(pg_column_size(tsv)) FROM catalog_search`, &size)
	if err == nil {
		err = db.QueryRow(ctx, `SELECT sum(pg_column_size(grams)) FROM catalog_search`, &grams)
	}
	if err == nil {
		err = db.QueryRow(ctx, `SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = 'catalog_search'::regclass`, &toastTable)
	}
	if err == nil { // the chunks of live values only
		err = db.QueryRow(ctx, `SELECT coalesce(sum(length(chunk_data)), 0) FROM `+toastTable, &toast)
	}
	if err != nil {
		t.Fatal(err)
	}
	if size < 2100 || toast > grams {
		t.Errorf("tsv of %d bytes, %d bytes in TOAST for %d bytes of grams: want more than 2 KB kept in the row", size, toast, grams)
	}
}

// TestSearchPhrases checks phrases against texts that hold their pieces
// apart: PostgreSQL finds a phrase of four characters or more by its
// trigrams (search.Grams), which such texts also hold, and must then
// check the positions; three characters are one trigram, found exactly.
func TestSearchPhrases(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", 0)
		day := time.Date(2021, 3, 1, 2, 0, 0, 0, time.UTC)
		err := db.ImportItems(ctx, a.ID, []catalog.Item{
			imported("甲", "实施行政许可事项。", 0, "", "", day),
			imported("乙", "推进行政许诺，严格财政许可证管理。", 0, "", "", day.Add(time.Hour)), // 行政许 and 政许可 apart
			imported("丙", "行政许，可", 0, "", "", day.Add(2*time.Hour)),           // 行政许 then a new run
			imported("丁", "依法行政，许可事项一网通办。", 0, "", "", day.Add(3*time.Hour)),
		}, sys)
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct{ q, want string }{
			{"行政许可", "甲"},
			{"行政许可事项", "甲"},
			{"行政许", "丙|乙|甲"},
			{"政许可", "乙|甲"},
			{"许可事项", "丁|甲"},
			{"一网通办 许可", "丁"},
			{"一网通办 行政许可", ""},
		} {
			for _, cq := range []store.CatalogQuery{{Text: tt.q, ByDate: true}, {Text: tt.q, AgencyID: a.ID, ByDate: true}} {
				if got, _ := searchTitles(t, db, cq); got != tt.want {
					t.Errorf("%+v: %q, want %q", cq, got, tt.want)
				}
			}
		}
	})
}

// TestSearchWithinAgency checks searches within one agency whose matches
// are not the newest of the catalog: PostgreSQL walks the agency's own
// rows newest first (its (agency_id, sort_key) index), and estimates the
// walk against the agency's rows rather than the catalog's.
func TestSearchWithinAgency(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", 0)
		b := mustAgency(t, db, "长治市教育局", "0142769-6", 0)
		start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
		n := store.SearchCountLimit + 10
		var mine, theirs []catalog.Item
		for i := range n {
			mine = append(mine, imported(fmt.Sprintf("甲%d", i), "行政许可事项办理。", 0, "", "", start.Add(time.Duration(i)*time.Hour)))
		}
		for i := range 300 { // all newer than a's
			theirs = append(theirs, imported(fmt.Sprintf("乙%d", i), "行政许可事项办理。", 0, "", "", start.AddDate(1, 0, i)))
		}
		for _, imp := range []struct {
			id    int64
			items []catalog.Item
		}{{a.ID, mine}, {b.ID, theirs}} {
			if err := db.ImportItems(ctx, imp.id, imp.items, sys); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.Exec(ctx, "ANALYZE"); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			cq    store.CatalogQuery
			want  string
			total int
		}{
			{store.CatalogQuery{Text: "许可", AgencyID: a.ID, ByDate: true, PerPage: 3}, fmt.Sprintf("甲%d|甲%d|甲%d", n-1, n-2, n-3), store.SearchCountLimit},
			{store.CatalogQuery{Text: "行政许可事项", AgencyID: a.ID, ByDate: true, PerPage: 2, Page: 2}, fmt.Sprintf("甲%d|甲%d", n-3, n-4), store.SearchCountLimit},
			{store.CatalogQuery{Text: "许可", AgencyID: b.ID, PerPage: 2}, "乙299|乙298", 300},
			{store.CatalogQuery{Text: "甲", AgencyID: a.ID, PerPage: 2, Page: 3}, fmt.Sprintf("甲%d|甲%d", n-5, n-6), store.SearchCountLimit},
			{store.CatalogQuery{Text: "甲", AgencyID: b.ID}, "", 0},
			{store.CatalogQuery{Text: "许可", ByDate: true, PerPage: 2}, "乙299|乙298", store.SearchCountLimit},
		} {
			got, r := searchTitles(t, db, tt.cq)
			if got != tt.want || r.Total != tt.total {
				t.Errorf("%+v: %q of %d, want %q of %d", tt.cq, got, r.Total, tt.want, tt.total)
			}
		}
		if db.Dialect() != store.Postgres {
			return
		}
		for _, tt := range []struct {
			agency   int64
			min, max float64
		}{{b.ID, 150, 600}, {0, 700, 2600}} {
			// 许可 is in every item: as many matches as rows.
			walk, n, scope, err := db.WalkPage(ctx, "许可", tt.agency, 20)
			if err != nil || !walk || scope < tt.min || scope > tt.max || n < tt.min || n > tt.max {
				t.Errorf("walk within agency %d: %v for %.0f matches over %.0f rows (%v), want a walk, both %.0f–%.0f", tt.agency, walk, n, scope, err, tt.min, tt.max)
			}
		}
	})
}
