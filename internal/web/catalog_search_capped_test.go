package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// TestSearchCappedTotal checks how a search that finds more items than
// the index counts is shown: "条以上" on the page, the cap as the API's
// total, and pages that still follow each other.
func TestSearchCappedTotal(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		var items []catalog.Item
		for i := range store.SearchCountLimit + 1 {
			at := e.now.Add(-time.Duration(i+1) * time.Hour)
			items = append(items, catalog.Item{Publisher: "测试机关", Title: fmt.Sprintf("简报第%d期", i), Body: "<p>工作动态。</p>",
				WrittenOn: calendar.DateOf(at), PublishedAt: at, CreatedAt: at, State: catalog.Published,
				Attribute: catalog.Proactive, Channel: catalog.Website, Validity: catalog.Valid})
		}
		if err := db.ImportItems(ctx, e.ids[demo.Bureau], items, auditlog.Change{Actor: "test"}); err != nil {
			t.Fatal(err)
		}
		r, err := db.SearchCatalog(ctx, store.CatalogQuery{Text: "工作"})
		if err != nil || !r.Capped {
			t.Fatalf("more than %d items about 工作 are not capped: %d, %v", store.SearchCountLimit, r.Total, err)
		}
		c := e.anonymous()
		resp, body := c.get("/search?q=工作&page=2")
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "共 1000 条以上") || !strings.Contains(body, `rel="next"`) {
			t.Fatalf("page 2: %d\n%s", resp.StatusCode, body)
		}
		if strings.Index(body, "共 1000 条以上") > strings.Index(body, `<ol class="hits">`) {
			t.Error("the count is not above the results")
		}
		// No dead end at the count's last page: from page 50 the pages lead
		// on, without 「第 51 / 50 页」, to a last short page, and no match
		// is shown twice.
		hit := regexp.MustCompile(`<li><h3><a href="([^"]+)"`)
		next := regexp.MustCompile(`<a href="([^"]+)" rel="next"`)
		for _, sort := range []string{"relevance", "date"} {
			seen, page := map[string]bool{}, "/search?q=工作&sort="+sort+"&page=50"
			for n := 50; page != ""; n++ {
				resp, body = c.get(html.UnescapeString(page))
				hits := hit.FindAllStringSubmatch(body, -1)
				if resp.StatusCode != http.StatusOK || len(hits) == 0 || !strings.Contains(body, fmt.Sprintf("第 %d 页", n)) || strings.Contains(body, " / 50 页") {
					t.Fatalf("%s page %d: %d, %d hits\n%.3000s", sort, n, resp.StatusCode, len(hits), body)
				}
				for _, h := range hits {
					if seen[h[1]] {
						t.Fatalf("%s page %d shows %s again", sort, n, h[1])
					}
					seen[h[1]] = true
				}
				page = ""
				if m := next.FindStringSubmatch(body); m != nil {
					page = m[1]
				} else if len(hits) == 20 {
					t.Fatalf("%s page %d is full and has no next page", sort, n)
				}
				if n > 500 {
					t.Fatalf("%s: paging does not end", sort)
				}
			}
			if len(seen) <= 20 {
				t.Errorf("%s: only %d matches from page 50 on, want past the count's 1000", sort, len(seen))
			}
		}
		resp, body = c.get("/api/v1/search?q=工作")
		var got struct {
			Total int               `json:"total"`
			Items []json.RawMessage `json:"items"`
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("api: %d %v\n%s", resp.StatusCode, err, body)
		}
		if got.Total != store.SearchCountLimit || len(got.Items) == 0 {
			t.Fatalf("api total %d with %d items", got.Total, len(got.Items))
		}
	})
}
