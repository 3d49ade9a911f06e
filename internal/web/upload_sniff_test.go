package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// exe is the start of a Windows executable.
var exe = []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00This program cannot be run in DOS mode.\r\n")

// TestUploadSniffing sends an executable under an innocent name to every
// upload path: each refuses it by content, in Chinese, and stores nothing.
// (The online 补正 shares the application form's check and is tested in
// TestCaseCorrectionOnline.)
func TestUploadSniffing(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		bureau := e.ids[demo.Bureau]
		editor, admin := e.login("spj-editor"), e.login("admin")

		item, itemID := editor.draftItem(t, bureau, "附件类型测试")

		res, body := editor.postFile(item+"/attachments", "通知.pdf", exe)
		wantStatus(t, "attachment exe.pdf", res, body, http.StatusBadRequest, "“通知.pdf”的内容不是 PDF 文件")
		res, body = editor.postFile(item+"/attachments", "表.xlsx", []byte("PK\x03\x04not a workbook"))
		wantStatus(t, "attachment broken xlsx", res, body, http.StatusBadRequest, "内容不是 Excel（XLSX） 文件")
		if atts, err := db.Attachments(ctx, itemID); err != nil || len(atts) != 0 {
			t.Fatalf("refused attachments were stored: %+v %v", atts, err)
		}
		res, body = editor.postFile(item+"/attachments", "通知.pdf", []byte("%PDF-1.4\n%%EOF"))
		wantStatus(t, "attachment pdf", res, body, http.StatusSeeOther)
		if atts, err := db.Attachments(ctx, itemID); err != nil || len(atts) != 1 || atts[0].ContentType != "application/pdf" {
			t.Fatalf("the PDF attachment: %+v %v", atts, err)
		}

		res, body = admin.postFile(fmt.Sprintf("/office/a/%d/items/import", bureau), "目录.csv", exe)
		wantStatus(t, "import exe.csv", res, body, http.StatusBadRequest, "“目录.csv”的内容不是 CSV 文件")

		res, body = e.anonymous().postMultipart(fmt.Sprintf("/agencies/%d/apply", bureau), applicationForm(), []upload{{"身份证.jpg", exe}})
		wantStatus(t, "application exe.jpg", res, body, http.StatusBadRequest, "“身份证.jpg”的内容不是 JPEG 文件")

		page := admin.audit(t, map[string][]byte{"2025年报.pdf": exe})
		if !strings.Contains(page, "“2025年报.pdf”的内容不是 PDF 文件") {
			t.Errorf("the auditor's batch does not refuse exe.pdf by content:\n%.1500s", page)
		}
	})
}

// draftItem creates a draft item in the agency and returns its office
// address and id.
func (c *client) draftItem(t *testing.T, agency int64, title string) (string, int64) {
	t.Helper()
	res, body := c.post(fmt.Sprintf("/office/a/%d/items", agency), url.Values{"title": {title},
		"written_on": {"2026-11-20"}, "body": {"<p>见附件。</p>"}, "validity": {"valid"}, "channel": {"website"}, "attribute": {"proactive"}})
	wantStatus(t, "create item", res, body, http.StatusSeeOther)
	item := strings.SplitN(res.Header.Get("Location"), "?", 2)[0]
	id, err := strconv.ParseInt(path.Base(item), 10, 64)
	if err != nil {
		t.Fatalf("item address %q", item)
	}
	return item, id
}
