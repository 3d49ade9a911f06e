package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

type upload struct {
	name string
	data []byte
}

// postMultipart sends the application form with files.
func (c *client) postMultipart(path string, form url.Values, files []upload) (*http.Response, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	for _, f := range files {
		w, _ := mw.CreateFormFile("files", f.name)
		_, _ = w.Write(f.data)
	}
	_ = mw.Close()
	req, _ := http.NewRequest("POST", c.e.srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// TestCaseAttachments checks the limits on the files of an online
// application: PDF, JPEG and PNG by content, at most three, at most 5 MB
// each; a refused form stores nothing.
func TestCaseAttachments(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		bureau := e.ids[demo.Bureau]
		path := "/agencies/" + strconv.FormatInt(bureau, 10) + "/apply"
		pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")
		png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
		count := func() int {
			list, err := db.Cases(ctx, store.CaseFilter{AgencyIDs: []int64{bureau}, Limit: 5000})
			if err != nil {
				t.Fatal(err)
			}
			return len(list)
		}
		before := count()
		tests := []struct {
			files  []upload
			status int
			want   string
		}{
			{[]upload{{"a.exe", []byte("MZ\x90\x00binary")}}, http.StatusBadRequest, "不是 PDF、JPEG 或 PNG"},
			{[]upload{{"fake.pdf", []byte("<html>not a pdf</html>")}}, http.StatusBadRequest, "不是 PDF"},
			{[]upload{{"1.pdf", pdf}, {"2.pdf", pdf}, {"3.pdf", pdf}, {"4.pdf", pdf}}, http.StatusBadRequest, "最多 3 个"},
			{[]upload{{"big.pdf", append(append([]byte{}, pdf...), make([]byte, 5<<20)...)}}, http.StatusBadRequest, "超过 5 MB"},
		}
		anon := e.anonymous()
		for _, tt := range tests {
			res, body := anon.postMultipart(path, applicationForm(), tt.files)
			if res.StatusCode != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("%d files: status %d, want %d with %q", len(tt.files), res.StatusCode, tt.status, tt.want)
			}
		}
		if n := count(); n != before {
			t.Fatalf("refused applications were stored: %d cases, want %d", n, before)
		}
		res, body := anon.postMultipart(path, applicationForm(), []upload{{"证明.pdf", pdf}, {"photo.png", png}})
		wantStatus(t, "apply with files", res, body, http.StatusSeeOther)
		list, _ := db.Cases(ctx, store.CaseFilter{AgencyIDs: []int64{bureau}, Limit: 1})
		files, err := db.CaseAttachments(ctx, list[0].ID)
		if err != nil || len(files) != 2 || files[0].Name != "证明.pdf" || files[0].MIME != "application/pdf" || files[1].MIME != "image/png" {
			t.Fatalf("stored attachments %+v %v", files, err)
		}
		base := "/office/a/" + strconv.FormatInt(bureau, 10) + "/cases/" + strconv.FormatInt(list[0].ID, 10)
		officer := e.login("spj-officer")
		res, body = officer.get(base + "/files/" + strconv.FormatInt(files[0].ID, 10))
		if res.StatusCode != http.StatusOK || body != string(pdf) {
			t.Errorf("officer download: %d", res.StatusCode)
		}
		if res, _ := e.login("city-supervisor").get(base + "/files/" + strconv.FormatInt(files[0].ID, 10)); res.StatusCode != http.StatusForbidden {
			t.Errorf("a supervisor downloaded an applicant's attachment: %d", res.StatusCode)
		}

		// Closing as already published links the catalog item.
		items, err := db.Items(ctx, store.ItemFilter{AgencyID: bureau, State: catalog.Published, Limit: 1})
		if err != nil || len(items) == 0 {
			t.Fatalf("no published demo item: %v", err)
		}
		day := calendar.DateOf(e.now).String()
		officer.post(base+"/confirm", url.Values{"received": {day}})
		res, body = officer.post(base+"/close", url.Values{"outcome": {"disclosed"}, "reason": {"该信息已主动公开"}, "on": {day}, "catalog_item": {"999999"}})
		wantStatus(t, "unknown catalog item", res, body, http.StatusBadRequest, "不存在或尚未公开")
		res, body = officer.post(base+"/close", url.Values{"outcome": {"disclosed"}, "reason": {"该信息已主动公开"}, "on": {day},
			"catalog_item": {strconv.FormatInt(items[0].ID, 10)}})
		wantStatus(t, "close with a catalog item", res, body, http.StatusSeeOther)
		_, body = officer.get(base)
		if !strings.Contains(body, "/items/"+strconv.FormatInt(items[0].ID, 10)) || !strings.Contains(body, items[0].IndexNo) {
			t.Error("the case page does not link the published item")
		}
	})
}
