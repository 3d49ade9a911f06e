package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
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
