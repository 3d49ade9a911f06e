package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// publishItem creates an item of the agency and takes it through review to
// publication at the env's clock.
func (e *env) publishItem(agencyID int64, title, topic, genre string) *catalog.Item {
	e.t.Helper()
	ctx := context.Background()
	editor := catalog.Actor{ID: e.users["spj-editor"], Name: "编辑"}
	reviewer := catalog.Actor{ID: e.users["spj-reviewer"], Name: "审核人"}
	change := auditlog.Change{Actor: "test"}
	it := &catalog.Item{AgencyID: agencyID, Title: title, Body: "<p>" + title + "。</p>", Topic: topic, Genre: genre,
		WrittenOn: calendar.DateOf(e.now), Publisher: "测试机关", AuthorID: editor.ID, Attribute: catalog.Proactive,
		Channel: catalog.Website, Validity: catalog.Valid}
	if err := e.db.CreateItem(ctx, it, change); err != nil {
		e.t.Fatalf("create %s: %v", title, err)
	}
	for _, s := range []catalog.Step{{Action: catalog.Submit, By: editor}, {Action: catalog.Approve, By: reviewer, Reason: "测试"},
		{Action: catalog.Publish, By: reviewer}} {
		got, err := e.db.TransitionItem(ctx, agencyID, it.ID, s, change)
		if err != nil {
			e.t.Fatalf("%s %s: %v", s.Action, title, err)
		}
		it = got
	}
	return it
}

// selectOptions returns the "value=label" options of the select with the id,
// "*" marking the chosen one.
func selectOptions(body, id string) []string {
	m := regexp.MustCompile(`(?s)<select id="` + id + `"[^>]*>(.*?)</select>`).FindStringSubmatch(body)
	if m == nil {
		return nil
	}
	var out []string
	for _, o := range regexp.MustCompile(`<option value="([^"]*)"( selected)?>([^<]*)</option>`).FindAllStringSubmatch(m[1], -1) {
		s := o[1] + "=" + o[3]
		if o[2] != "" {
			s = "*" + s
		}
		out = append(out, s)
	}
	return out
}

// searchFixture is the demo plus a theme 双减工作 (code sj) that only the
// education bureau has, and two items about 课后服务: the education
// bureau's (sj, 通知), published an hour after the approval bureau's
// (行政审批, 动态).
type searchFixture struct {
	*env
	bureau, edu   int64
	parent, child int64 // the bureau's column 依法行政 and its sub-column 制度建设
	eduItem       *catalog.Item
}

func newSearchFixture(t *testing.T, db *store.DB) *searchFixture {
	f := &searchFixture{env: newEnv(t, db)}
	f.bureau, f.edu = f.ids[demo.Bureau], f.ids["长治市教育局"]
	cols, err := db.Columns(context.Background(), f.bureau)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cols {
		switch c.Name {
		case "依法行政":
			f.parent = c.ID
		case "制度建设":
			f.child = c.ID
		}
	}
	if f.parent == 0 || f.child == 0 {
		t.Fatal("the demo bureau lacks the columns 依法行政 / 制度建设")
	}
	_, body := f.anonymous().get("/search")
	if slices.Contains(selectOptions(body, "topic"), "sj=双减工作") {
		t.Fatal("双减工作 offered before any agency has it")
	}
	form := url.Values{"kind": {"theme"}}
	for i, code := range append(slices.Clone(catalog.Topics), "sj") {
		label := code
		if code == "sj" {
			label = "双减工作"
		}
		form.Add("code", code)
		form.Add("label", label)
		form.Add("position", fmt.Sprint(10*(i+1)))
	}
	if res, body := f.login("jyj-admin").post(fmt.Sprintf("/office/a/%d/taxonomy", f.edu), form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("education bureau's themes: %d %s", res.StatusCode, body)
	}
	f.publishItem(f.bureau, "课后服务场所审批指南", "行政审批", "动态")
	f.now = f.now.Add(time.Hour)
	f.eduItem = f.publishItem(f.edu, "关于做好课后服务工作的通知", "sj", "通知")
	return f
}

// TestSearchFilterChoices checks what the search page offers: across
// agencies the union of their classes, within one agency its own classes
// and columns, the chosen values kept on later pages and in other orders.
func TestSearchFilterChoices(t *testing.T) {
	t.Parallel()
	f := newSearchFixture(t, seeded.Open(t, store.SQLite))
	c := f.anonymous()
	defaults := func(kind catalog.TaxonomyKind) []string {
		var out []string
		for _, e := range catalog.DefaultTaxonomy(kind).Entries {
			out = append(out, e.Code+"="+e.Label)
		}
		return out
	}
	themes, genres := append(defaults(catalog.ThemeKind), "sj=双减工作"), defaults(catalog.GenreKind)
	choose := func(opts []string, v string) []string {
		out := slices.Clone(opts)
		if i := slices.IndexFunc(out, func(o string) bool { return strings.HasPrefix(o, v+"=") }); i >= 0 {
			out[i] = "*" + out[i]
		}
		return out
	}
	bureauColumns := []string{}
	cols, _ := f.db.Columns(context.Background(), f.bureau)
	for _, col := range cols {
		name := col.Name
		if col.ParentID != 0 {
			name = "— " + name
		}
		bureauColumns = append(bureauColumns, fmt.Sprintf("%d=%s", col.ID, name))
	}
	tests := []struct {
		name                   string
		query                  string
		topics, genres, column []string // nil column: no column filter on the page
		total                  int      // -1: no result list; -2: a list, not counted
	}{
		{"across agencies", "", append([]string{"=全部"}, themes...), append([]string{"=全部"}, genres...), nil, -1},
		{"a class of one agency, across agencies", "q=课后服务&topic=sj", append([]string{"=全部"}, choose(themes, "sj")...), append([]string{"=全部"}, genres...), nil, 1},
		{"filters alone list the matches", "topic=sj", append([]string{"=全部"}, choose(themes, "sj")...), append([]string{"=全部"}, genres...), nil, 1},
		{"the agency that has it", fmt.Sprintf("agency=%d&topic=sj&genre=通知", f.edu), append([]string{"=全部"}, choose(themes, "sj")...),
			append([]string{"=全部"}, choose(genres, "通知")...), nil, 1},
		{"an agency without it", fmt.Sprintf("agency=%d", f.bureau), append([]string{"=全部"}, defaults(catalog.ThemeKind)...),
			append([]string{"=全部"}, genres...), append([]string{"=全部栏目"}, bureauColumns...), -1},
		{"its column chosen", fmt.Sprintf("agency=%d&column=%d&q=审批", f.bureau, f.parent), append([]string{"=全部"}, defaults(catalog.ThemeKind)...),
			append([]string{"=全部"}, genres...), append([]string{"=全部栏目"}, choose(bureauColumns, itoa(f.parent))...), -2},
	}
	for _, tt := range tests {
		res, body := c.get("/search?" + tt.query)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", tt.name, res.StatusCode)
			continue
		}
		if got := selectOptions(body, "topic"); !reflect.DeepEqual(got, tt.topics) {
			t.Errorf("%s: topics\n got %v\nwant %v", tt.name, got, tt.topics)
		}
		if got := selectOptions(body, "genre"); !reflect.DeepEqual(got, tt.genres) {
			t.Errorf("%s: genres\n got %v\nwant %v", tt.name, got, tt.genres)
		}
		if got := selectOptions(body, "column"); !reflect.DeepEqual(got, tt.column) {
			t.Errorf("%s: columns\n got %v\nwant %v", tt.name, got, tt.column)
		}
		if tt.column != nil && !strings.Contains(body, `<label for="column">`) {
			t.Errorf("%s: the column filter has no label", tt.name)
		}
		switch {
		case tt.total == -1 && strings.Contains(body, "检索结果"):
			t.Errorf("%s: results without a search", tt.name)
		case tt.total >= 0 && !strings.Contains(body, fmt.Sprintf("共 %d 条", tt.total)):
			t.Errorf("%s: want %d results", tt.name, tt.total)
		case tt.total == 1 && !strings.Contains(body, fmt.Sprintf(`href="/agencies/%d/items/%d"`, f.edu, f.eduItem.ID)):
			t.Errorf("%s: the education bureau's item is not listed", tt.name)
		}
	}

	// The next page and the other order keep every filter and the choice.
	q := fmt.Sprintf("/search?agency=%d&column=%d&topic=%s&q=%s", f.bureau, f.parent, url.QueryEscape("行政审批"), url.QueryEscape("审批"))
	_, body := c.get(q)
	next := regexp.MustCompile(`href="([^"]+)" rel="next"`).FindStringSubmatch(body)
	byDate := regexp.MustCompile(`<a href="([^"]+)">按发布日期</a>`).FindStringSubmatch(body)
	if next == nil || byDate == nil || !strings.Contains(body, `aria-current="true">按相关度</a>`) {
		t.Fatalf("no next page or sort links on %s", q)
	}
	for name, link := range map[string]string{"next page": next[1], "by date": byDate[1]} {
		link = strings.ReplaceAll(link, "&amp;", "&")
		u, err := url.Parse(link)
		if err != nil {
			t.Fatal(err)
		}
		v := u.Query()
		if v.Get("agency") != itoa(f.bureau) || v.Get("column") != itoa(f.parent) || v.Get("topic") != "行政审批" || v.Get("q") != "审批" {
			t.Errorf("%s link %s loses a filter", name, link)
		}
		res, page := c.get(link)
		if res.StatusCode != http.StatusOK || !slices.Contains(selectOptions(page, "column"), "*"+itoa(f.parent)+"=依法行政") ||
			!slices.Contains(selectOptions(page, "topic"), "*行政审批=行政审批") {
			t.Errorf("%s: %d, the chosen column or topic is not kept", name, res.StatusCode)
		}
		if name == "by date" && (v.Get("sort") != "date" || !slices.Contains(selectOptions(page, "sort"), "*date=按发布日期")) {
			t.Errorf("by date: sort %q not chosen", v.Get("sort"))
		}
	}
}

// TestSearchFilters runs the same filters through the page and the JSON
// API and compares both with the store's answer; a column narrows to it
// and its sub-columns.
func TestSearchFilters(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		f := newSearchFixture(t, db)
		ctx := context.Background()
		c := f.anonymous()
		count := func(cq store.CatalogQuery) int {
			t.Helper()
			r, err := db.SearchCatalog(ctx, cq)
			if err != nil {
				t.Fatal(err)
			}
			return r.Total
		}
		all := count(store.CatalogQuery{Text: "审批", AgencyID: f.bureau})
		inParent := count(store.CatalogQuery{Text: "审批", AgencyID: f.bureau, ColumnID: f.parent})
		inChild := count(store.CatalogQuery{Text: "审批", AgencyID: f.bureau, ColumnID: f.child})
		if !(0 < inChild && inChild < inParent && inParent < all) {
			t.Fatalf("the demo does not tell columns apart: %d in 制度建设, %d in 依法行政, %d in all", inChild, inParent, all)
		}
		spring := store.CatalogQuery{Text: "审批", From: calendar.NewDate(2020, 3, 1), To: calendar.NewDate(2020, 3, 31)}
		if n := count(spring); n == 0 || n >= count(store.CatalogQuery{Text: "审批"}) {
			t.Fatalf("the demo has %d items about 审批 in March 2020", n)
		}
		tests := []struct {
			name   string
			query  string
			total  int
			titles []string // the first titles, in order; nil: not checked
		}{
			{"term alone", "q=课后服务&sort=date", 2, []string{"关于做好课后服务工作的通知", "课后服务场所审批指南"}},
			{"relevance", "q=课后服务&sort=relevance", 2, nil},
			{"custom topic across agencies", "q=课后服务&topic=sj", 1, []string{"关于做好课后服务工作的通知"}},
			{"default topic", "q=" + url.QueryEscape("课后服务") + "&topic=" + url.QueryEscape("行政审批"), 1, []string{"课后服务场所审批指南"}},
			{"genre", "q=课后服务&genre=通知", 1, []string{"关于做好课后服务工作的通知"}},
			{"custom topic in its agency", fmt.Sprintf("q=课后服务&agency=%d&topic=sj", f.edu), 1, nil},
			{"agency", fmt.Sprintf("q=审批&agency=%d", f.bureau), all, nil},
			{"column with its sub-columns", fmt.Sprintf("q=审批&agency=%d&column=%d", f.bureau, f.parent), inParent, nil},
			{"sub-column", fmt.Sprintf("q=审批&agency=%d&column=%d", f.bureau, f.child), inChild, nil},
			{"dates", "q=审批&from=2020-03-01&to=2020-03-31", count(spring), nil},
			{"validity", "q=审批&validity=repealed", count(store.CatalogQuery{Text: "审批", Validity: catalog.Repealed}), nil},
			{"nothing", "q=课后服务&from=2020-01-01&to=2020-12-31", 0, nil},
		}
		for _, tt := range tests {
			query := strings.ReplaceAll(tt.query, "课后服务", url.QueryEscape("课后服务"))
			query = strings.ReplaceAll(query, "q=审批", "q="+url.QueryEscape("审批"))
			res, body := c.get("/api/v1/search?" + query)
			var out struct {
				Total int              `json:"total"`
				Items []map[string]any `json:"items"`
			}
			if res.StatusCode != http.StatusOK || json.Unmarshal([]byte(body), &out) != nil {
				t.Errorf("API %s: %d %s", tt.name, res.StatusCode, body)
				continue
			}
			if out.Total != tt.total {
				t.Errorf("API %s: total %d, want %d", tt.name, out.Total, tt.total)
			}
			var titles []string
			for _, it := range out.Items {
				keys := slices.Sorted(func(yield func(string) bool) {
					for k := range it {
						if !yield(k) {
							return
						}
					}
				})
				if want := []string{"agency", "index_no", "published_at", "snippet", "title", "url"}; !reflect.DeepEqual(keys, want) {
					t.Fatalf("API %s: item fields %v, want %v", tt.name, keys, want)
				}
				titles = append(titles, it["title"].(string))
			}
			if tt.titles != nil && (len(titles) < len(tt.titles) || !reflect.DeepEqual(titles[:len(tt.titles)], tt.titles)) {
				t.Errorf("API %s: titles %v, want %v first", tt.name, titles, tt.titles)
			}
			res, body = c.get("/search?" + query)
			if res.StatusCode != http.StatusOK || (tt.total > 0) != strings.Contains(body, fmt.Sprintf("共 %d 条", tt.total)) {
				t.Errorf("page %s: %d, want %d results", tt.name, res.StatusCode, tt.total)
			}
		}
	})
}

// TestSearchFilterErrors answers a bad filter with 400 and a Chinese
// message, as JSON from the API and on the page, never a 500.
func TestSearchFilterErrors(t *testing.T) {
	t.Parallel()
	f := newSearchFixture(t, seeded.Open(t, store.SQLite))
	c := f.anonymous()
	tests := []struct {
		query string
		want  string
	}{
		{"agency=abc", "机关应为数字"},
		{"agency=-1", "机关应为数字"},
		{"agency=999999", "机关不存在（agency=999999）"},
		{fmt.Sprintf("column=%d", f.parent), "按栏目筛选时请同时选择机关"},
		{"column=x&agency=1", "栏目应为数字"},
		{fmt.Sprintf("agency=%d&column=%d", f.edu, f.parent), "长治市教育局没有所选的栏目"},
		{"topic=" + url.QueryEscape("不存在"), "各机关都没有主题分类「不存在」"},
		{fmt.Sprintf("agency=%d&topic=sj", f.bureau), "长治市行政审批服务管理局没有主题分类「sj」"},
		{"genre=sj", "各机关都没有体裁分类「sj」"},
		{"topic=" + strings.Repeat("x", 200), "主题分类无效"},
		{"topic=%FF", "主题分类无效"},
		{"from=2020-13-01", "起始日期无效"},
		{"to=yesterday", "截止日期无效"},
		{"from=2020-05-02&to=2020-05-01", "起始日期不能晚于截止日期"},
		{"validity=valid%20", "有效性无效"},
		{"sort=newest", "排序方式无效"},
		{"page=-2", "页码应为数字"},
	}
	for _, tt := range tests {
		query := "q=" + url.QueryEscape("审批") + "&" + tt.query
		res, body := c.get("/api/v1/search?" + query)
		var out struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		if res.StatusCode != http.StatusBadRequest || json.Unmarshal([]byte(body), &out) != nil || out.Error.Code != "invalid" ||
			!strings.Contains(out.Error.Message, tt.want) {
			t.Errorf("API %s: %d %s, want 400 with %q", tt.query, res.StatusCode, body, tt.want)
		}
		res, body = c.get("/search?" + query)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, `<p class="error" role="alert">`+tt.want) {
			t.Errorf("page %s: %d, want 400 with %q", tt.query, res.StatusCode, tt.want)
		}
	}
}
