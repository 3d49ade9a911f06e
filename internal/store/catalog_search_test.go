package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

func TestSearchCatalog(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		city := mustAgency(t, db, "长治市人民政府", "0142700-1", 0)
		bureau := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", city.ID)
		col := &catalog.Column{AgencyID: bureau.ID, Name: "依法行政"}
		if err := db.SaveColumn(ctx, col, sys); err != nil {
			t.Fatal(err)
		}
		sub := &catalog.Column{AgencyID: bureau.ID, ParentID: col.ID, Name: "制度建设"}
		if err := db.SaveColumn(ctx, sub, sys); err != nil {
			t.Fatal(err)
		}
		day := func(d int) func() time.Time {
			return func() time.Time { return time.Date(2020, 5, d, 2, 0, 0, 0, time.UTC) }
		}
		db.Now = day(1)
		policy := mustItem(t, db, city.ID, 0, "长治市人民政府关于印发行政许可事项清单的通知", "<p>各县区人民政府：现将清单印发给你们。</p>", calendar.NewDate(2020, 4, 20))
		policy.DocNo = "长政发〔2020〕12号"
		if err := db.UpdateItem(ctx, policy, as(editor)); err != nil {
			t.Fatal(err)
		}
		publish(t, db, policy)
		db.Now = day(2)
		news := publish(t, db, mustItem(t, db, bureau.ID, sub.ID, "市行政审批局召开工作会议", "<p>会议强调，要深化行政许可制度改革，推进政务公开。</p>", calendar.NewDate(2020, 5, 1)))
		db.Now = day(3)
		publish(t, db, mustItem(t, db, bureau.ID, col.ID, "政务公开工作要点", "<p>做好政府信息公开。许可事项另行公布。</p>", calendar.NewDate(2020, 5, 2)))
		mustItem(t, db, bureau.ID, col.ID, "未发布的行政许可草稿", "许可", calendar.NewDate(2020, 5, 2))

		titles := func(cq store.CatalogQuery) []string {
			t.Helper()
			r, err := db.SearchCatalog(ctx, cq)
			if err != nil {
				t.Fatalf("search %+v: %v", cq, err)
			}
			var out []string
			for _, h := range r.Hits {
				out = append(out, h.Item.Title)
			}
			if r.Total != len(out) {
				t.Fatalf("total %d for %d hits", r.Total, len(out))
			}
			return out
		}
		tests := []struct {
			name string
			cq   store.CatalogQuery
			want string
		}{
			{"one character", store.CatalogQuery{Text: "许", ByDate: true}, "政务公开工作要点|市行政审批局召开工作会议|长治市人民政府关于印发行政许可事项清单的通知"},
			{"two characters", store.CatalogQuery{Text: "公开", ByDate: true}, "政务公开工作要点|市行政审批局召开工作会议"},
			{"four characters, title ranks first", store.CatalogQuery{Text: "行政许可"}, "长治市人民政府关于印发行政许可事项清单的通知|市行政审批局召开工作会议"},
			{"文号", store.CatalogQuery{Text: "长政发〔2020〕12号"}, "长治市人民政府关于印发行政许可事项清单的通知"},
			{"no match", store.CatalogQuery{Text: "教育"}, ""},
			{"agency filter", store.CatalogQuery{Text: "许可", AgencyID: city.ID}, "长治市人民政府关于印发行政许可事项清单的通知"},
			{"column with sub-columns", store.CatalogQuery{ColumnID: col.ID}, "政务公开工作要点|市行政审批局召开工作会议"},
			{"sub-column", store.CatalogQuery{ColumnID: sub.ID}, "市行政审批局召开工作会议"},
			{"date range", store.CatalogQuery{Text: "许", From: calendar.NewDate(2020, 5, 2), To: calendar.NewDate(2020, 5, 2)}, "市行政审批局召开工作会议"},
			{"validity", store.CatalogQuery{Validity: catalog.Repealed}, ""},
		}
		for _, tt := range tests {
			if got := strings.Join(titles(tt.cq), "|"); got != tt.want {
				t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
			}
		}
		r, err := db.SearchCatalog(ctx, store.CatalogQuery{Text: "行政许可", PerPage: 1, Page: 2})
		if err != nil || r.Total != 2 || len(r.Hits) != 1 || r.Hits[0].Item.ID != news.ID || r.Pages() != 2 {
			t.Fatalf("page 2: %+v, %v", r, err)
		}
		if r, err := db.SearchCatalog(ctx, store.CatalogQuery{Text: "行政许可", PerPage: 1, Page: 3}); err != nil || r.Total != 2 || len(r.Hits) != 0 {
			t.Fatalf("page 3 of 2: %+v, %v", r, err)
		}
		if !strings.Contains(r.Hits[0].Snippet, "<mark>行政许可</mark>") || r.Hits[0].Agency != bureau.Name {
			t.Fatalf("hit %+v", r.Hits[0])
		}
		if _, err := db.TransitionItem(ctx, bureau.ID, news.ID, catalog.Step{Action: catalog.Withdraw, By: reviewer, Reason: "有误"}, as(reviewer)); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(titles(store.CatalogQuery{Text: "行政许可"}), "|"); got != "长治市人民政府关于印发行政许可事项清单的通知" {
			t.Fatalf("after withdrawal: %q", got)
		}
	})
}
