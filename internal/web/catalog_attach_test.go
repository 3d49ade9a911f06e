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

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/blob"
	"github.com/gongkai/gongkai/internal/blob/blobtest"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/web"
)

// TestAttachmentInBucket uploads an attachment with the server's blobs in
// an S3 bucket, downloads it back, and finds its bytes in the bucket and
// not in the data folder; an attachment whose object is missing is a 404.
//
// It is not parallel: blobtest.Server sets the AWS_* variables of the
// process (t.Setenv).
func TestAttachmentInBucket(t *testing.T) {
	ctx := context.Background()
	bucketURL := blobtest.Server(t)
	bucket, closeBucket, err := blob.Open(ctx, bucketURL, "")
	if err != nil {
		t.Fatal(err)
	}
	defer closeBucket()
	db := seeded.Open(t, store.SQLite)
	e := newEnv(t, db, func(c *web.Config) { c.Blobs = bucket })
	bureau := e.ids[demo.Bureau]
	editor := e.login("spj-editor")
	res, body := editor.post(fmt.Sprintf("/office/a/%d/items", bureau), url.Values{"title": {"长治市行政审批服务管理局办事指南"},
		"written_on": {"2026-11-20"}, "body": {"<p>办事指南见附件。</p>"}, "validity": {"valid"}, "channel": {"website"}, "attribute": {"proactive"}})
	wantStatus(t, "create item", res, body, http.StatusSeeOther)
	item := strings.SplitN(res.Header.Get("Location"), "?", 2)[0]
	itemID, err := strconv.ParseInt(path.Base(item), 10, 64)
	if err != nil {
		t.Fatalf("item address %q", item)
	}

	data := []byte("办理营业执照所需材料：申请书、章程、住所证明。\n")
	res, body = editor.postFile(item+"/attachments", "办事指南.txt", data)
	wantStatus(t, "upload", res, body, http.StatusSeeOther)
	atts, err := db.Attachments(ctx, itemID)
	if err != nil || len(atts) != 1 || atts[0].BlobKey != blob.Key(data) {
		t.Fatalf("attachments %+v, %v; want one with key %s", atts, err, blob.Key(data))
	}
	res, body = editor.get(fmt.Sprintf("%s/attachments/%d", item, atts[0].ID))
	if res.StatusCode != http.StatusOK || body != string(data) || !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("download: %d %q %q", res.StatusCode, res.Header.Get("Content-Disposition"), body)
	}
	if got, err := bucket.Get(ctx, atts[0].BlobKey); err != nil || string(got) != string(data) {
		t.Fatalf("object in the bucket: %q, %v", got, err)
	}
	if ok, err := (blob.Dir{Root: db.BlobDir()}).Has(ctx, atts[0].BlobKey); ok || err != nil {
		t.Fatalf("the attachment was written to the data folder too: %v, %v", ok, err)
	}

	lost := &store.ItemAttachment{ItemID: itemID, Name: "丢失.txt", ContentType: "text/plain; charset=utf-8", BlobKey: blob.Key([]byte("never uploaded"))}
	if err := db.AddAttachment(ctx, bureau, lost, auditlog.Change{Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	res, body = editor.get(fmt.Sprintf("%s/attachments/%d", item, lost.ID))
	wantStatus(t, "download of a missing object", res, body, http.StatusNotFound, "文件不存在")
}
