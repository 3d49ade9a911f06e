package web_test

import (
	"cmp"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/web"
)

// auditCount returns how many entries the audit log has.
func auditCount(t *testing.T, db *store.DB) int {
	t.Helper()
	n := 0
	if err := db.WalkAudit(context.Background(), func(auditlog.Entry) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBadInput sends what a careless or hostile client sends; each gets a
// clear Chinese error and changes nothing.
func TestBadInput(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		admin := e.login("spj-admin")
		bureau := itoa(e.ids[demo.Bureau])
		settings := "/office/a/" + bureau + "/settings"
		ctx := context.Background()

		tests := []struct {
			name   string
			do     func() (*http.Response, string)
			status int
			want   string
		}{
			{"forged CSRF token", func() (*http.Response, string) {
				return admin.post(settings, url.Values{"csrf": {"forged"}, "name": {"改名"}, "code": {"0142768-8"}})
			}, http.StatusForbidden, "页面已过期"},
			{"missing CSRF token", func() (*http.Response, string) {
				return admin.post(settings, url.Values{"csrf": {""}, "name": {"改名"}, "code": {"0142768-8"}})
			}, http.StatusForbidden, "页面已过期"},
			{"cross-site form", func() (*http.Response, string) {
				req, _ := http.NewRequest("POST", e.srv.URL+settings, strings.NewReader(url.Values{"csrf": {admin.csrf}, "name": {"改名"}, "code": {"0142768-8"}}.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Sec-Fetch-Site", "cross-site")
				return admin.do(req)
			}, http.StatusForbidden, "跨站请求被拒绝"},
			{"oversized body", func() (*http.Response, string) {
				return admin.post(settings, url.Values{"name": {strings.Repeat("长", 100_000)}, "code": {"0142768-8"}})
			}, http.StatusRequestEntityTooLarge, "提交的内容过大"},
			{"empty name", func() (*http.Response, string) {
				return admin.post(settings, url.Values{"name": {"  "}, "code": {"0142768-8"}})
			}, http.StatusBadRequest, "请填写机关名称"},
			{"SQL-looking code", func() (*http.Response, string) {
				return admin.post(settings, url.Values{"name": {"长治市行政审批服务管理局"}, "code": {"1'; DROP TABLE agencies; --"}})
			}, http.StatusBadRequest, "机关代码只能由"},
			{"unknown agency", func() (*http.Response, string) { return admin.get("/office/a/99999") }, http.StatusNotFound, "机关不存在"},
			{"agency id not a number", func() (*http.Response, string) { return admin.get("/office/a/abc") }, http.StatusNotFound, "机关不存在"},
			{"unknown page", func() (*http.Response, string) { return admin.get("/nope") }, http.StatusNotFound, "页面不存在"},
			{"duplicate username", func() (*http.Response, string) {
				return admin.post("/office/a/"+bureau+"/users", url.Values{"username": {"spj-editor"}, "display_name": {"重名"}, "password": {"long enough pass"}, "role": {"editor"}})
			}, http.StatusConflict, "已被使用"},
			{"grant platform admin from an agency", func() (*http.Response, string) {
				return admin.post("/office/a/"+bureau+"/users/"+itoa(e.users["spj-editor"])+"/grant", url.Values{"role": {"platform_admin"}})
			}, http.StatusBadRequest, "请选择有效的角色"},
			{"NUL byte", func() (*http.Response, string) {
				return admin.post(settings, url.Values{"name": {demo.Bureau}, "code": {"0142768-8"}, "office": {"a\x00b"}})
			}, http.StatusBadRequest, "无效字符"},
			{"invalid UTF-8", func() (*http.Response, string) {
				return admin.post(settings, url.Values{"name": {demo.Bureau}, "code": {"0142768-8"}, "office": {"a\xff\xfeb"}})
			}, http.StatusBadRequest, "无效字符"},
			{"NUL byte at login", func() (*http.Response, string) {
				return e.anonymous().post("/login", url.Values{"username": {"adm\x00in"}, "password": {"x"}})
			}, http.StatusBadRequest, "无效字符"},
			{"phone too long beside an equal e-mail", func() (*http.Response, string) {
				long := strings.Repeat("1", 80)
				return admin.post(settings, url.Values{"name": {demo.Bureau}, "code": {"0142768-8"}, "phone": {long}, "email": {long}})
			}, http.StatusBadRequest, "联系电话不能超过50字"},
			{"bad e-mail", func() (*http.Response, string) {
				return admin.post(settings, url.Values{"name": {demo.Bureau}, "code": {"0142768-8"}, "email": {"not an address"}})
			}, http.StatusBadRequest, "电子邮箱格式不正确"},
			{"grant to a user of no agency", func() (*http.Response, string) {
				return admin.post("/office/a/"+bureau+"/users/"+itoa(e.users["jyj-admin"])+"/grant", url.Values{"role": {"editor"}})
			}, http.StatusNotFound, "该用户不属于本机关"},
			{"wrong method", func() (*http.Response, string) {
				req, _ := http.NewRequest("DELETE", e.srv.URL+"/office/a/"+bureau+"/settings", nil)
				return admin.do(req)
			}, http.StatusMethodNotAllowed, "不支持此请求方法"},
			{"static folder listing", func() (*http.Response, string) { return admin.get("/static/") }, http.StatusNotFound, "页面不存在"},
			{"missing static file", func() (*http.Response, string) { return admin.get("/static/x.js") }, http.StatusNotFound, "页面不存在"},
			{"script-looking login", func() (*http.Response, string) {
				return e.anonymous().post("/login", url.Values{"username": {"<script>alert(1)</script>"}, "password": {"' OR '1'='1"}})
			}, http.StatusUnauthorized, "用户名或密码错误"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := auditCount(t, db)
				res, body := tt.do()
				if res.StatusCode != tt.status || !strings.Contains(body, tt.want) {
					t.Fatalf("status %d, want %d with %q; body: %.300s", res.StatusCode, tt.status, tt.want, body)
				}
				if strings.Contains(body, "<script>alert") || strings.Contains(strings.ToLower(body), "sql") || strings.Contains(body, "goroutine") {
					t.Fatalf("the page echoes raw input or internals: %.300s", body)
				}
				if after := auditCount(t, db); after != before && !strings.Contains(tt.name, "login") {
					t.Fatalf("audit log grew from %d to %d: something changed", before, after)
				}
			})
		}
		a, err := db.Agency(ctx, e.ids[demo.Bureau])
		if err != nil || a.Name != demo.Bureau || a.Code != "0142768-8" {
			t.Fatalf("the bureau changed: %+v, %v", a, err)
		}
	})
}

// TestStateChangesAreAudited makes real changes through the back office
// and finds each in the audit log with its before and after.
func TestStateChangesAreAudited(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		admin := e.login("spj-admin")
		bureau := itoa(e.ids[demo.Bureau])
		res, _ := admin.post("/office/a/"+bureau+"/settings", url.Values{"name": {demo.Bureau}, "code": {"0142768-8"},
			"office": {"局办公室（政务公开科）"}, "hours": {"工作日 9:00-17:00"}, "address": {"<b>长治市</b>"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save settings: %d", res.StatusCode)
		}
		res, _ = admin.post("/office/a/"+bureau+"/users", url.Values{"username": {"zhaoliu"}, "display_name": {"赵六"},
			"password": {"a long enough pass"}, "role": {"case_officer"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create user: %d", res.StatusCode)
		}
		// The new officer can log in and sees the bureau.
		officer := e.anonymous()
		res, _ = officer.post("/login", url.Values{"username": {"zhaoliu"}, "password": {"a long enough pass"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("new user login: %d", res.StatusCode)
		}
		_, page := officer.get("/office")
		_ = page
		res, _ = officer.get("/office/a/" + bureau)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("new officer opens the bureau: %d", res.StatusCode)
		}

		u, err := db.UserByUsername(context.Background(), "zhaoliu")
		if err != nil {
			t.Fatal(err)
		}
		res, _ = admin.post("/office/a/"+bureau+"/users/"+itoa(u.ID)+"/disable", url.Values{"confirm": {"1"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("disable user: %d", res.StatusCode)
		}
		if res, _ := officer.get("/office/a/" + bureau); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("disabled user's session still works: %d", res.StatusCode)
		}
		if res, _ := e.anonymous().post("/login", url.Values{"username": {"zhaoliu"}, "password": {"a long enough pass"}}); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("disabled user logged in: %d", res.StatusCode)
		}

		_, body := admin.get("/office/a/" + bureau + "/audit")
		for _, want := range []string{"修改机关信息", "局办公室（政务公开科）", "创建用户", "授予角色", "停用用户", "zhaoliu"} {
			if !strings.Contains(body, want) {
				t.Errorf("audit page lacks %q", want)
			}
		}
		if strings.Contains(body, "<b>长治市</b>") {
			t.Error("audit page shows unescaped HTML")
		}
		_, portal := e.anonymous().get("/agencies/" + bureau)
		if !strings.Contains(portal, "局办公室（政务公开科）") || !strings.Contains(portal, "&lt;b&gt;长治市&lt;/b&gt;") {
			t.Errorf("portal does not show the saved, escaped details: %.500s", portal)
		}
		_, platform := e.login("admin").get("/office/platform/audit")
		if !strings.Contains(platform, "全平台的操作记录") || !strings.Contains(platform, "登录（用户 ") {
			t.Errorf("platform audit page lacks the logins: %.300s", platform)
		}
		res, csv := admin.get("/office/a/" + bureau + "/audit.csv")
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") || !strings.Contains(csv, "user.create") {
			t.Errorf("CSV export: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
	})
}

func TestSessionExpiryAndLogout(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		c := e.login("spj-editor")
		e.now = e.now.Add(auth.DefaultPolicy.Idle + time.Minute)
		res, _ := c.get("/office/account")
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login?next=") {
			t.Fatalf("expired session: status %d, location %q", res.StatusCode, res.Header.Get("Location"))
		}
		res, body := c.post("/office/account/tokens", url.Values{"name": {"x"}})
		if res.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "请先登录") {
			t.Fatalf("POST with an expired session: %d", res.StatusCode)
		}

		a, b := e.login("spj-editor"), e.login("spj-editor")
		res, _ = a.post("/office/account/logout-all", nil)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("logout everywhere: %d", res.StatusCode)
		}
		if res, _ := b.get("/office/account"); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("other session survived logout everywhere: %d", res.StatusCode)
		}
	})
}

func TestSecurityHeadersHealthAndMetrics(t *testing.T) {
	t.Parallel()
	db := seeded.Open(t, store.SQLite)
	e := newEnv(t, db)
	c := e.anonymous()
	res, body := c.get("/")
	for h, want := range map[string]string{
		"Content-Security-Policy": "frame-ancestors 'none'",
		"X-Frame-Options":         "DENY",
		"X-Content-Type-Options":  "nosniff",
	} {
		if !strings.Contains(res.Header.Get(h), want) {
			t.Errorf("header %s = %q, want %q", h, res.Header.Get(h), want)
		}
	}
	if !strings.Contains(body, `lang="zh-CN"`) || !strings.Contains(body, "跳到主要内容") {
		t.Error("page lacks language or skip link")
	}
	res, body = c.get("/healthz")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `"status": "ok"`) {
		t.Errorf("healthz: %d %s", res.StatusCode, body)
	}
	if res, _ := c.get("/metrics"); res.StatusCode != http.StatusNotFound {
		t.Errorf("/metrics without a metrics token configured: %d, want 404", res.StatusCode)
	}
	rec := httptest.NewRecorder()
	e.web.Metrics().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if !strings.Contains(rec.Body.String(), `gongkai_http_requests_total{code="200",method="GET",route="GET /{$}"}`) {
		t.Errorf("metrics lack the portal's request count: %.500s", rec.Body)
	}
}

// TestMetricsNeedTheToken checks that the public listener serves /metrics
// only to a scraper showing the configured bearer token.
func TestMetricsNeedTheToken(t *testing.T) {
	e := newEnv(t, seeded.Open(t, store.SQLite), func(c *web.Config) { c.MetricsToken = "s3cret-metrics" })
	tests := []struct {
		authorization string
		status        int
	}{
		{"", http.StatusUnauthorized},
		{"Bearer wrong", http.StatusUnauthorized},
		{"Bearer s3cret-metric", http.StatusUnauthorized},
		{"Basic s3cret-metrics", http.StatusUnauthorized},
		{"Bearer s3cret-metrics", http.StatusOK},
		{"bearer s3cret-metrics", http.StatusOK},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", e.srv.URL+"/metrics", nil)
		if tt.authorization != "" {
			req.Header.Set("Authorization", tt.authorization)
		}
		res, body := e.anonymous().do(req)
		if res.StatusCode != tt.status {
			t.Errorf("Authorization %q: %d, want %d", tt.authorization, res.StatusCode, tt.status)
		}
		if series := strings.Contains(body, "gongkai_http_requests_total"); series != (tt.status == http.StatusOK) {
			t.Errorf("Authorization %q: metrics in the body: %v", tt.authorization, series)
		}
	}
}

// TestAPI checks the JSON API with and without tokens.
func TestAPI(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		token := e.token
		call := func(path, secret string) (int, map[string]any) {
			req, _ := http.NewRequest("GET", e.srv.URL+path, nil)
			if secret != "" {
				req.Header.Set("Authorization", "Bearer "+secret)
			}
			res, body := e.anonymous().do(req)
			var m map[string]any
			if err := json.Unmarshal([]byte(body), &m); err != nil {
				t.Fatalf("%s: not JSON: %v: %.200s", path, err, body)
			}
			return res.StatusCode, m
		}
		bureau := itoa(e.ids[demo.Bureau])
		sup, editor := token("city-supervisor"), token("spj-editor")
		tests := []struct {
			path, token string
			status      int
			key         string
		}{
			{"/api/v1/agencies", "", 200, "agencies"},
			{"/api/v1/agencies/" + bureau, "", 200, "code"},
			{"/api/v1/agencies/99999", "", 404, "error"},
			{"/api/v1/me", "", 401, "error"},
			{"/api/v1/me", "gka_forged", 401, "error"},
			{"/api/v1/me", editor, 200, "roles"},
			{"/api/v1/agencies/" + bureau + "/audit-log", sup, 200, "entries"},
			{"/api/v1/agencies/" + bureau + "/audit-log", editor, 403, "error"},
			{"/api/v1/agencies/" + bureau + "/audit-log", "", 401, "error"},
			{"/api/v1/nope", "", 404, "error"},
		}
		for _, tt := range tests {
			status, m := call(tt.path, tt.token)
			if status != tt.status || m[tt.key] == nil {
				t.Errorf("GET %s: status %d, body %v; want %d with %q", tt.path, status, m, tt.status, tt.key)
			}
		}
		_, m := call("/api/v1/agencies/"+bureau+"/audit-log?limit=2", sup)
		if es := m["entries"].([]any); len(es) != 2 || m["next_before"] == nil {
			t.Errorf("audit-log paging: %v", m)
		}
	})
}

// TestOpenAPIMatchesRoutes keeps /api/v1/openapi.json in step with the
// API routes, both ways.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	t.Parallel()
	db := seeded.Open(t, store.SQLite)
	e := newEnv(t, db)
	_, body := e.anonymous().get("/api/v1/openapi.json")
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi = %q", doc.OpenAPI)
	}
	var documented, routed []string
	for p, ops := range doc.Paths {
		for m := range ops {
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	for _, r := range e.web.Routes() {
		if p, ok := strings.CutPrefix(r.Pattern, "/api/v1"); ok {
			routed = append(routed, r.Method+" "+p)
			if r.Access == web.Token {
				sec := doc.Paths[p][strings.ToLower(r.Method)]
				if b, _ := json.Marshal(sec); !strings.Contains(string(b), `"security"`) {
					t.Errorf("%s %s needs a token but the document does not say so", r.Method, p)
				}
			}
		}
	}
	sort.Strings(documented)
	sort.Strings(routed)
	if strings.Join(documented, "\n") != strings.Join(routed, "\n") {
		t.Fatalf("OpenAPI paths and API routes differ:\ndocumented:\n%s\nrouted:\n%s", strings.Join(documented, "\n"), strings.Join(routed, "\n"))
	}
}

// TestPlatformEditsHierarchy lets the platform admin change an agency's
// kind and parent, refuses a cycle, and ignores those fields from an
// agency admin.
func TestPlatformEditsHierarchy(t *testing.T) {
	t.Parallel()
	db := seeded.Open(t, store.SQLite)
	e := newEnv(t, db)
	ctx := context.Background()
	city, bureau, edu := itoa(e.ids["长治市人民政府"]), itoa(e.ids[demo.Bureau]), e.ids["长治市教育局"]
	admin := e.login("admin")
	form := func(name, code, kind, parent string) url.Values {
		return url.Values{"name": {name}, "code": {code}, "kind": {kind}, "parent_id": {parent}}
	}
	res, body := admin.post("/office/a/"+city+"/settings", form("长治市人民政府", "0142700-5", "government", bureau))
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "上级机关不能是本机关或其下级机关") {
		t.Fatalf("cycle: %d", res.StatusCode)
	}
	res, _ = admin.post("/office/a/"+itoa(edu)+"/settings", form("长治市教育局", "0142711-3", "department", bureau))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("move: %d", res.StatusCode)
	}
	if a, _ := db.Agency(ctx, edu); a.ParentID != e.ids[demo.Bureau] {
		t.Fatalf("parent = %d", a.ParentID)
	}
	jyj := e.login("jyj-admin")
	res, _ = jyj.post("/office/a/"+itoa(edu)+"/settings", form("长治市教育局", "0142711-3", "government", "0"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("agency admin save: %d", res.StatusCode)
	}
	if a, _ := db.Agency(ctx, edu); a.Kind != "department" || a.ParentID != e.ids[demo.Bureau] {
		t.Fatalf("an agency admin changed kind or parent: %+v", a)
	}
}

// TestLoginRedirectStaysOnSite refuses post-login redirects that a browser
// could turn into another origin.
func TestLoginRedirectStaysOnSite(t *testing.T) {
	t.Parallel()
	e := newEnv(t, seeded.Open(t, store.SQLite))
	for next, want := range map[string]string{
		"/office/a/2/users":     "/office/a/2/users",
		"//evil.example":        "/office",
		"/\t/evil.example":      "/office",
		"/\\evil.example":       "/office",
		"https://evil.example/": "/office",
		"/%09/evil.example":     "/%09/evil.example",
		"javascript:alert(1)":   "/office",
	} {
		c := e.anonymous()
		res, _ := c.post("/login", url.Values{"username": {"spj-admin"}, "password": {demoPassword}, "next": {next}})
		if got := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || got != want {
			t.Errorf("next %q: status %d, Location %q, want %q", next, res.StatusCode, got, want)
		}
	}
	req, _ := http.NewRequest("DELETE", e.srv.URL+"/api/v1/agencies", nil)
	res, body := e.anonymous().do(req)
	if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD" || !strings.Contains(body, "method_not_allowed") {
		t.Errorf("DELETE on the API: %d, Allow %q, %s", res.StatusCode, res.Header.Get("Allow"), body)
	}
}

// TestFooterShowsThePlatform checks that every page's footer names the
// platform and 政府信息公开 — not the software's version, which /healthz
// reports — and that no Go value leaks into it.
func TestFooterShowsThePlatform(t *testing.T) {
	t.Parallel()
	db := seeded.Open(t, store.SQLite)
	for _, site := range []string{"", "长治市人民政府信息公开平台"} {
		e := newEnv(t, db, func(c *web.Config) { c.Version, c.SiteName = "v9.8.7-test", site })
		want := cmp.Or(site, "政府信息公开平台")
		c := e.anonymous()
		for _, path := range []string{"/", "/search", "/agencies/" + itoa(e.ids[demo.Bureau]) + "/reports/2019"} {
			res, body := c.get(path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d", path, res.StatusCode)
			}
			footer := body[strings.LastIndex(body, `<footer class="site">`):]
			if strings.Contains(footer, "{") || strings.Contains(footer, "map[") {
				t.Errorf("%s: footer shows a Go value: %.200s", path, footer)
			}
			if !strings.Contains(footer, want+" · 政府信息公开") || strings.Contains(body, "v9.8.7-test") || strings.Contains(footer, "gongkai") {
				t.Errorf("%s: footer %.300s; want %s and 政府信息公开, no version", path, footer, want)
			}
			if !strings.Contains(body, `<a class="brand" href="/">`+want+`</a>`) {
				t.Errorf("%s: the header does not name %s", path, want)
			}
		}
		_, body := c.get("/healthz")
		if !strings.Contains(body, `"version": "v9.8.7-test"`) {
			t.Errorf("/healthz lost the version: %s", body)
		}
	}
}

// TestBaseURLOverridesTheHostHeader builds feed, sitemap and search links
// on the configured public address, not on a Host header a client chose.
func TestBaseURLOverridesTheHostHeader(t *testing.T) {
	t.Parallel()
	db := seeded.Open(t, store.SQLite)
	e := newEnv(t, db)
	srv, err := web.New(web.Config{Extractor: testExtractor, DB: db, Auth: auth.NewService(db, testPolicy(), time.Now), BaseURL: "https://gk.example.gov.cn/"})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/sitemap.xml", "/agencies/" + itoa(e.ids[demo.Bureau]) + "/feed.atom", "/api/v1/search?q=%E8%AE%B8%E5%8F%AF"} {
		req := httptest.NewRequest("GET", path, nil)
		req.Host = "evil.example"
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code != http.StatusOK || strings.Contains(body, "evil.example") || !strings.Contains(body, "https://gk.example.gov.cn/") {
			t.Errorf("%s: status %d, links not on the base URL: %.300s", path, rec.Code, body)
		}
	}
}

// TestAnonymousPostsAreLimited stops one address from posting to the login
// form or the application form without end, and leaves others alone.
func TestAnonymousPostsAreLimited(t *testing.T) {
	t.Parallel()
	db := seeded.Open(t, store.SQLite)
	e := newEnv(t, db)
	// The server's clock stands still, so the limiter's tokens do not
	// refill while slow password checks run on a busy machine.
	frozen := time.Now()
	srv, err := web.New(web.Config{Extractor: testExtractor, DB: db, Auth: auth.NewService(db, testPolicy(), time.Now),
		Now: func() time.Time { return frozen }})
	if err != nil {
		t.Fatal(err)
	}
	post := func(path, addr string) int {
		req := httptest.NewRequest("POST", path, strings.NewReader("username=nobody&password=x"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = addr
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, req)
		return rec.Code
	}
	tests := []struct {
		path  string
		burst int
	}{
		{"/login", 10},
		{"/agencies/" + itoa(e.ids[demo.Bureau]) + "/apply", 5},
	}
	for _, tt := range tests {
		for i := 0; i < tt.burst; i++ {
			if code := post(tt.path, "192.0.2.7:4000"); code == http.StatusTooManyRequests {
				t.Fatalf("%s: post %d refused within the burst", tt.path, i+1)
			}
		}
		if code := post(tt.path, "192.0.2.7:4001"); code != http.StatusTooManyRequests {
			t.Errorf("%s: post %d from one address: status %d, want 429", tt.path, tt.burst+1, code)
		}
		if code := post(tt.path, "198.51.100.9:5000"); code == http.StatusTooManyRequests {
			t.Errorf("%s: another address was refused", tt.path)
		}
	}
}

// TestPageCache serves repeated anonymous page views from the cache for
// the configured time, and never what depends on who is asking.
func TestPageCache(t *testing.T) {
	t.Parallel()
	db := seeded.Open(t, store.SQLite)
	e := newEnv(t, db)
	now := time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC)
	srv, err := web.New(web.Config{Extractor: testExtractor, DB: db, Auth: auth.NewService(db, testPolicy(), time.Now), PageCache: 5 * time.Second,
		Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	get := func(path, cookie string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		if cookie != "" {
			req.Header.Set("Cookie", cookie)
		}
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, req)
		return rec
	}
	bureau := "/agencies/" + itoa(e.ids[demo.Bureau])
	if rec := get(bureau, ""); rec.Code != 200 || rec.Header().Get("X-Cache") != "" {
		t.Fatalf("first view: %d, X-Cache %q", rec.Code, rec.Header().Get("X-Cache"))
	}
	hit := get(bureau, "")
	if hit.Header().Get("X-Cache") != "hit" || !strings.Contains(hit.Body.String(), demo.Bureau) ||
		hit.Header().Get("Content-Security-Policy") == "" {
		t.Fatalf("second view not from the cache, or without its headers: %v", hit.Header())
	}
	if rec := get(bureau, "gongkai_session=gks_x"); rec.Header().Get("X-Cache") != "" {
		t.Error("a request with a cookie was served from the cache")
	}
	if rec := get("/healthz", ""); get("/healthz", "").Header().Get("X-Cache") != "" || rec.Code != 200 {
		t.Error("/healthz served from the cache")
	}
	if get("/nope", "").Code != 404 || get("/nope", "").Header().Get("X-Cache") != "" {
		t.Error("a 404 was cached")
	}
	now = now.Add(6 * time.Second)
	if rec := get(bureau, ""); rec.Header().Get("X-Cache") != "" {
		t.Error("an expired page was served from the cache")
	}
}
