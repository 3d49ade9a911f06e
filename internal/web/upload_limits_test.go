package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// TestUploadLimits checks that every upload form states its size limit and
// that a body over it gets the site's error page naming the limit, with
// status 413, rather than a bare 413.
func TestUploadLimits(t *testing.T) {
	t.Parallel()
	e := newEnv(t, seeded.Open(t, store.SQLite))
	bureau := e.ids[demo.Bureau]
	editor, admin, anon := e.login("spj-editor"), e.login("admin"), e.anonymous()
	item, _ := editor.draftItem(t, bureau, "附件大小测试")
	apply := fmt.Sprintf("/agencies/%d/apply", bureau)
	forms := []struct {
		who  *client
		path string
		want string
	}{
		{editor, item, "不超过 20 MB"},
		{admin, fmt.Sprintf("/office/a/%d/items/import", bureau), "不超过 16 MB"},
		{anon, apply, "每个不超过 5 MB，合计不超过 15 MB"},
		{admin, "/office/auditor", "每个不超过 20 MB，合计不超过 64 MB"},
	}
	for _, f := range forms {
		res, body := f.who.get(f.path)
		wantStatus(t, "form "+f.path, res, body, http.StatusOK, f.want)
	}

	big := make([]byte, 30<<20)
	posts := []struct {
		what string
		send func() (*http.Response, string)
		want string
	}{
		{"attachment", func() (*http.Response, string) { return editor.postFile(item+"/attachments", "大.pdf", big) }, "文件过大：不能超过 20 MB"},
		{"import", func() (*http.Response, string) {
			return admin.postFile(fmt.Sprintf("/office/a/%d/items/import", bureau), "大.csv", big)
		}, "文件过大：不能超过 16 MB"},
		{"application", func() (*http.Response, string) {
			return anon.postMultipart(apply, applicationForm(), []upload{{"大.pdf", big}})
		}, "文件过大：不能超过 15 MB"},
		{"correction", func() (*http.Response, string) {
			return anon.postMultipart("/cases/status/correction", nil, []upload{{"大.pdf", big}})
		}, "文件过大：不能超过 15 MB"},
	}
	for _, p := range posts {
		res, body := p.send()
		wantStatus(t, p.what, res, body, http.StatusRequestEntityTooLarge, p.want, "<h1>出错了</h1>", `lang="zh`)
	}
}
