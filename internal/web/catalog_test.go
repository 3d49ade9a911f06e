package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// TestCatalogJourney drafts an item with an ID number as the editor, sees
// the scan block the approval, has the reviewer override and publish, and
// finds the item in the public search API, the portal and the feed.
func TestCatalogJourney(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		bureau := e.ids[demo.Bureau]
		editor, reviewer, other := e.login("spj-editor"), e.login("spj-reviewer"), e.login("jyj-admin")
		base := fmt.Sprintf("/office/a/%d/items", bureau)
		res, body := editor.post(base, url.Values{"title": {"关于公布长治市行政审批事项目录的通知"}, "written_on": {"2026-11-20"},
			"doc_no": {"长审管发〔2026〕7号"}, "body": {"<p>联系人身份证 140402198506121232</p><script>alert(1)</script>"},
			"validity": {"valid"}, "channel": {"website"}, "attribute": {"proactive"}, "original": {"1"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create: %d %s", res.StatusCode, body)
		}
		item := strings.SplitN(res.Header.Get("Location"), "?", 2)[0]
		if res, _ := editor.post(item+"/submit", url.Values{"confirm": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit: %d", res.StatusCode)
		}
		if res, _ := editor.post(item+"/review", url.Values{"decision": {"approve"}}); res.StatusCode != http.StatusForbidden {
			t.Fatalf("editor reviewing: %d", res.StatusCode)
		}
		if res, _ := other.get(item); res.StatusCode != http.StatusForbidden {
			t.Fatalf("another agency's admin viewing: %d", res.StatusCode)
		}
		res, body = reviewer.get(item)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, "<mark>140402198506121232</mark>") || strings.Contains(body, "<script>") {
			t.Fatalf("review page: %d, finding shown %v", res.StatusCode, strings.Contains(body, "<mark>140402198506121232</mark>"))
		}
		if res, body := reviewer.post(item+"/review", url.Values{"decision": {"approve"}}); res.StatusCode != http.StatusConflict || !strings.Contains(body, "隐私和保密检查") {
			t.Fatalf("approve with a finding: %d", res.StatusCode)
		}
		for _, step := range []struct {
			path string
			form url.Values
		}{{"/review", url.Values{"decision": {"approve"}, "reason": {"号码为虚构示例，已核实"}}}, {"/publish", url.Values{"when": {"now"}}}} {
			if res, body := reviewer.post(item+step.path, step.form); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("%s: %d %s", step.path, res.StatusCode, body)
			}
		}
		anon := e.anonymous()
		for _, q := range []string{"目录", "长审管发〔2026〕7号", "审"} {
			res, body := anon.get("/api/v1/search?q=" + url.QueryEscape(q) + "&agency=" + itoa(bureau))
			var out struct {
				Total int `json:"total"`
				Items []struct {
					IndexNo     string `json:"index_no"`
					Title       string `json:"title"`
					Agency      string `json:"agency"`
					PublishedAt string `json:"published_at"`
				} `json:"items"`
			}
			if res.StatusCode != http.StatusOK || json.Unmarshal([]byte(body), &out) != nil || out.Total == 0 {
				t.Fatalf("search %s: %d %s", q, res.StatusCode, body)
			}
			if q != "审" && (out.Items[0].Title != "关于公布长治市行政审批事项目录的通知" || out.Items[0].Agency != demo.Bureau || out.Items[0].IndexNo == "") {
				t.Fatalf("search %s: first hit %+v", q, out.Items[0])
			}
		}
		if res, _ := anon.get("/api/v1/search"); res.StatusCode != http.StatusBadRequest {
			t.Fatalf("search without q: %d", res.StatusCode)
		}
		for _, page := range []string{fmt.Sprintf("/agencies/%d/feed.atom", bureau), "/search?q=" + url.QueryEscape("审批事项目录"), fmt.Sprintf("/agencies/%d/catalog", bureau)} {
			if res, body := anon.get(page); res.StatusCode != http.StatusOK || !strings.Contains(body, "关于公布长治市行政审批事项目录的通知") {
				t.Fatalf("%s: %d", page, res.StatusCode)
			}
		}
	})
}

// postFile posts one file as the multipart form field "file", with the CSRF token.
func (c *client) postFile(path, name string, data []byte) (*http.Response, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	_ = mw.WriteField("csrf", c.csrf)
	fw, _ := mw.CreateFormFile("file", name)
	_, _ = fw.Write(data)
	_ = mw.Close()
	req, _ := http.NewRequest("POST", c.e.srv.URL+path, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

func TestCatalogImport(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		path := fmt.Sprintf("/office/a/%d/items/import", e.ids[demo.Bureau])
		editor, admin := e.login("spj-editor"), e.login("admin")
		bad := "标题,成文日期,发布日期,栏目\n导入一,2020-01-02,2020-01-05,工作动态\n导入二,2020-13-01,,\n"
		res, body := editor.postFile(path, "a.csv", []byte(bad))
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "<td>3</td>") || !strings.Contains(body, "成文日期") {
			t.Fatalf("bad file: %d", res.StatusCode)
		}
		good := strings.Replace(bad, "2020-13-01", "2020-12-01", 1)
		if res, body := editor.postFile(path, "a.csv", []byte(good)); res.StatusCode != http.StatusOK || !strings.Contains(body, "已导入 2 条") || !strings.Contains(body, "作为草稿导入") {
			t.Fatalf("editor import: %d", res.StatusCode)
		}
		if res, body := admin.postFile(path, "a.csv", []byte(good)); res.StatusCode != http.StatusOK || strings.Contains(body, "作为草稿导入") {
			t.Fatalf("admin import: %d", res.StatusCode)
		}
		r, err := db.SearchCatalog(context.Background(), store.CatalogQuery{Text: "导入一"})
		if err != nil || r.Total != 1 {
			t.Fatalf("published imports found: %d, %v", r.Total, err)
		}
	})
}

// TestCatalogFeedsAndSitemap reads the demo catalog's feeds, sitemap and
// API pages as XML and JSON.
func TestCatalogFeedsAndSitemap(t *testing.T) {
	t.Parallel()
	e := newEnv(t, seeded.Open(t, store.SQLite))
	anon := e.anonymous()
	bureau := e.ids[demo.Bureau]
	cols, err := e.db.Columns(context.Background(), bureau)
	if err != nil || len(cols) == 0 {
		t.Fatalf("columns: %v", err)
	}
	var feed struct {
		Title   string `xml:"title"`
		Entries []struct {
			Title string `xml:"title"`
			ID    string `xml:"id"`
		} `xml:"entry"`
	}
	res, body := anon.get(fmt.Sprintf("/agencies/%d/columns/%d/feed.atom", bureau, cols[0].ID))
	if res.StatusCode != http.StatusOK || xml.Unmarshal([]byte(body), &feed) != nil || len(feed.Entries) == 0 || !strings.Contains(feed.Title, cols[0].Name) {
		t.Fatalf("column feed: %d %.300s", res.StatusCode, body)
	}
	for _, bad := range []string{fmt.Sprintf("/agencies/%d/columns/999999/feed.atom", bureau), "/agencies/999999/feed.atom", fmt.Sprintf("/agencies/%d/items/999999", bureau)} {
		if res, _ := anon.get(bad); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", bad, res.StatusCode)
		}
	}
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	res, body = anon.get("/sitemap.xml")
	if res.StatusCode != http.StatusOK || xml.Unmarshal([]byte(body), &sm) != nil || len(sm.URLs) < 2000 || !strings.Contains(body, "/items/") {
		t.Fatalf("sitemap: %d, %d urls", res.StatusCode, len(sm.URLs))
	}
	var pages [2]struct {
		Total int `json:"total"`
		Items []struct {
			URL string `json:"url"`
		} `json:"items"`
	}
	for i := range pages {
		res, body := anon.get(fmt.Sprintf("/api/v1/search?q=%s&agency=%d&page=%d", url.QueryEscape("权责清单"), bureau, i+1))
		if res.StatusCode != http.StatusOK || json.Unmarshal([]byte(body), &pages[i]) != nil {
			t.Fatalf("API page %d: %d", i+1, res.StatusCode)
		}
	}
	if pages[0].Total != 60 || len(pages[0].Items) != 20 || len(pages[1].Items) != 20 || pages[0].Items[0].URL == pages[1].Items[0].URL {
		t.Fatalf("API pages: total %d, %d and %d items", pages[0].Total, len(pages[0].Items), len(pages[1].Items))
	}
	for _, q := range []string{"/api/v1/search?q=x&page=abc", "/api/v1/search?q=x&from=2020-02-30", "/search?q=x&validity=maybe"} {
		if res, _ := anon.get(q); res.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", q, res.StatusCode)
		}
	}
}

func TestCatalogStandardColumns(t *testing.T) {
	t.Parallel()
	e := newEnv(t, seeded.Open(t, store.SQLite))
	admin := e.login("spj-admin")
	path := fmt.Sprintf("/office/a/%d/columns/standard", e.ids[demo.Bureau])
	for i := 0; i < 2; i++ { // the second time adds nothing
		if res, _ := admin.post(path, url.Values{"confirm": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("add standard columns: %d", res.StatusCode)
		}
	}
	cols, err := e.db.Columns(context.Background(), e.ids[demo.Bureau])
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range cols {
		if c.Name == "义务教育" || c.Name == "市政服务" {
			n++
		}
	}
	if n != 2 || len(cols) != 15 {
		t.Fatalf("%d key-domain columns of %d columns", n, len(cols))
	}
}

func TestCatalogOfficeList(t *testing.T) {
	t.Parallel()
	e := newEnv(t, seeded.Open(t, store.SQLite))
	reviewer := e.login("spj-reviewer")
	base := fmt.Sprintf("/office/a/%d/items", e.ids[demo.Bureau])
	res, body := reviewer.get(base + "?state=published")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "page=2") || strings.Contains(body, `rel="prev"`) {
		t.Fatalf("first page: %d", res.StatusCode)
	}
	res, body = reviewer.get(base + "?state=published&page=22")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `rel="prev"`) || strings.Contains(body, `rel="next"`) {
		t.Fatalf("last page: %d", res.StatusCode)
	}
	res, body = reviewer.get(base + "?state=submitted")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "（待审核）") {
		t.Fatalf("submitted: %d", res.StatusCode)
	}
	for _, bad := range []string{"?state=nonsense", "?page=x"} {
		if res, _ := reviewer.get(base + bad); res.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d", bad, res.StatusCode)
		}
	}
}
