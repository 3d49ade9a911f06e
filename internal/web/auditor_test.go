package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/store"
)

// audit uploads files to the auditor page, follows the redirect to the
// batch's page and reloads it, as the page has the browser do, until every
// file is read; it returns the last page.
func (c *client) audit(t *testing.T, files map[string][]byte) string {
	t.Helper()
	res, body := c.upload(t, "/office/auditor", files)
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/office/auditor/jobs/") {
		t.Fatalf("upload: status %d, location %q: %.300s", res.StatusCode, res.Header.Get("Location"), body)
	}
	job := res.Header.Get("Location")
	deadline := time.Now().Add(2 * time.Minute)
	for {
		res, body = c.get(job)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("job page: status %d: %.300s", res.StatusCode, body)
		}
		if !strings.Contains(body, `http-equiv="refresh"`) {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("the batch was still being read after 2 minutes:\n%.1000s", body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// upload posts files to the auditor page as a browser would.
func (c *client) upload(t *testing.T, path string, files map[string][]byte) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("csrf", c.csrf)
	for name, data := range files {
		fw, err := mw.CreateFormFile("reports", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", c.e.srv.URL+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// testdata reads a fixture of the audit package, or, for a name starting
// with extract_, of the extract package.
func testdata(t *testing.T, name string) []byte {
	t.Helper()
	pkg := "audit"
	if strings.HasPrefix(name, "extract_") {
		pkg = "extract"
	}
	b, err := os.ReadFile(filepath.Join("..", pkg, "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestAuditorUpload(t *testing.T) {
	t.Parallel()
	e := newEnv(t, seeded.Open(t, store.SQLite))
	c := e.login("city-supervisor")

	seed := testdata(t, "read_seed_changzhi_2020.txt")
	broken := bytes.Replace(seed, []byte("一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2"), []byte("一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3"), 1)
	if bytes.Equal(seed, broken) {
		t.Fatal("the test's edit did not apply to the seed text")
	}
	body := c.audit(t, map[string][]byte{
		"seed.txt":   seed,
		"broken.txt": broken,
		"huaian.pdf": testdata(t, "extract_huaian_2024_cairo.pdf"),
		"junk.pdf":   []byte("%PDF-1.4 not really"),
	})
	for _, want := range []string{"长治市行政审批服务管理局", "淮安市人民政府", "2024", "applications.balance", "无法读取", "未发现问题", "已读取全部 4 份报告"} {
		if !strings.Contains(body, want) {
			t.Errorf("results lack %q", want)
		}
	}

	res, body := c.upload(t, "/office/auditor", nil)
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "请选择要审查的年报文件") {
		t.Errorf("empty upload: %d", res.StatusCode)
	}
	if res, _ := e.anonymous().get("/office/auditor"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("auditor page open to anonymous users: %d", res.StatusCode)
	}
	// A batch is its uploader's: another user does not find it.
	res, _ = c.upload(t, "/office/auditor", map[string][]byte{"seed.txt": seed})
	if other, _ := e.login("spj-editor").get(res.Header.Get("Location")); other.StatusCode != http.StatusNotFound {
		t.Errorf("another user's batch: status %d, want 404", other.StatusCode)
	}
}

func TestHolidaysPage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, seeded.Open(t, store.SQLite))
	admin := e.login("admin")
	post := func(name string, data []byte) (*http.Response, string) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		_ = mw.WriteField("csrf", admin.csrf)
		if data != nil {
			fw, _ := mw.CreateFormFile("schedule", name)
			fw.Write(data)
		}
		mw.Close()
		req, _ := http.NewRequest("POST", e.srv.URL+"/office/platform/holidays", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		return admin.do(req)
	}
	res, body := post("2028.json", []byte(`{"year": 2028, "papers": [], "days": [{"name": "春节", "date": "2028-01-29", "isOffDay": false}]}`))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("load: %d %.300s", res.StatusCode, body)
	}
	_, page := admin.get("/office/platform/holidays")
	if !strings.Contains(page, "2028-01-29") || !strings.Contains(page, "admin 于") {
		t.Errorf("page does not show the loaded year")
	}
	for name, data := range map[string][]byte{"bad.json": []byte("{not json"), "empty.json": []byte(`{"year": 2028, "days": []}`)} {
		res, body := post(name, data)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "无法载入节假日安排") {
			t.Errorf("%s: status %d", name, res.StatusCode)
		}
	}
	if res, body := post("", nil); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "请选择") {
		t.Errorf("no file: %d", res.StatusCode)
	}
}

// TestAuditorSimilar checks that a batch compares the prose of the reports
// it stored as JSON: a report copied from the agency's year before gets the
// 雷同 warning naming that report.
func TestAuditorSimilar(t *testing.T) {
	t.Parallel()
	e := newEnv(t, seeded.Open(t, store.SQLite))
	body := e.login("city-supervisor").audit(t, map[string][]byte{
		"jia_2020.txt": testdata(t, "similar_jia_2020.txt"),
		"jia_2021.txt": testdata(t, "similar_jia_2021.txt"),
	})
	for _, want := range []string{"text.similar", "第一部分正文有 100% 与上一年度报告（jia_2020.txt）相同"} {
		if !strings.Contains(body, want) {
			t.Errorf("results lack %q", want)
		}
	}
}
