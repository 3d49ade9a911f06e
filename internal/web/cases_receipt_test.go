package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// TestCaseReceipt applies online and checks the receipt: it survives a
// reload in the same browser, shows the code grouped with a copy button and
// a fallback, says how the receipt day is set and when the answer is due,
// offers a print button and a PDF, and is shown to no other browser.
func TestCaseReceipt(t *testing.T) {
	t.Parallel()
	e := newEnv(t, seeded.Open(t, store.SQLite))
	bureau := itoa(e.ids[demo.Bureau])
	anon := e.anonymous()
	res, _ := anon.post("/agencies/"+bureau+"/apply", applicationForm())
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("apply: %d", res.StatusCode)
	}
	done := res.Header.Get("Location")
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == "gongkai_applied" {
			cookie = c
		}
	}
	switch {
	case cookie == nil:
		t.Fatal("no receipt cookie")
	case cookie.MaxAge != 24*60*60 || !cookie.HttpOnly || cookie.Path != done:
		t.Errorf("receipt cookie: max-age %d, HttpOnly %v, path %q", cookie.MaxAge, cookie.HttpOnly, cookie.Path)
	}
	var no, secret string
	for i := range 2 { // the first view and a reload
		res, body := anon.get(done)
		wantStatus(t, "receipt", res, body, http.StatusOK, "2025年政务服务大厅窗口办件量统计", "第三十一条第（三）项",
			"第三十三条第二款", "预计最迟于", `id="copy-code"`, "<noscript>", `id="print"`, "/static/receipt.js", done+"/receipt.pdf")
		if res.Header.Get("Cache-Control") != "no-store" {
			t.Error("the receipt may be cached")
		}
		m, g := queryNoRe.FindStringSubmatch(body), secretRe.FindStringSubmatch(body)
		if m == nil || g == nil {
			t.Fatalf("view %d: no query number or code:\n%s", i, body)
		}
		no, secret = m[1], g[1]
		if parts := strings.Fields(secret); len(parts) != 6 || len(parts[0]) != 4 {
			t.Errorf("the code %q is not in six groups of four", secret)
		}
		if !strings.Contains(body, `href="/cases/status?no=`+no+`"`) {
			t.Error("the status link does not carry the query number")
		}
		if strings.Contains(body, "/office/") {
			t.Error("the receipt shows back-office links")
		}
	}
	if strings.Contains(done, strings.ReplaceAll(secret, " ", "")) {
		t.Error("the secret is in a URL")
	}
	res, body := anon.get(done + "/receipt.pdf")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") {
		t.Fatalf("receipt PDF: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if !strings.Contains(res.Header.Get("Content-Disposition"), no) {
		t.Errorf("PDF name %q lacks the query number", res.Header.Get("Content-Disposition"))
	}
	// The code typed in its groups opens the status page.
	res, body = anon.post("/cases/status", map[string][]string{"query_no": {no}, "secret": {secret}})
	wantStatus(t, "status with the grouped code", res, body, http.StatusOK, "待确认收到")
	if strings.Contains(body, secret) {
		t.Error("the status page shows the code")
	}

	other := e.anonymous()
	for _, path := range []string{done, done + "/receipt.pdf"} {
		if res, _ := other.get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s shown to another browser: %d", path, res.StatusCode)
		}
	}
	forged, _ := http.NewRequest("GET", e.srv.URL+done, nil)
	forged.AddCookie(&http.Cookie{Name: "gongkai_applied", Value: no + ":0000"})
	if res, _ := other.do(forged); res.StatusCode != http.StatusNotFound {
		t.Errorf("a forged receipt cookie: %d", res.StatusCode)
	}
}
