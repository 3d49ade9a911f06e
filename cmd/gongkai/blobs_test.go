package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/blob"
	"github.com/gongkai/gongkai/internal/blob/blobtest"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/store"
)

// TestBlobsCopy moves a data folder's attachment files into a bucket on an
// S3 server, twice, checks that serve refuses a bucket it cannot use, and
// that backup says the attachment files are not in the database copy.
//
// It is not parallel: blobtest.Server sets the AWS_* variables of the
// process (t.Setenv).
func TestBlobsCopy(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	files := []string{"附件一", "附件二"}
	for _, f := range files {
		if _, err := (blob.Dir{Root: filepath.Join(dir, "blobs")}).Put(ctx, []byte(f)); err != nil {
			t.Fatal(err)
		}
	}
	bucketURL := blobtest.Server(t)
	missing := strings.Replace(bucketURL, blobtest.BucketName, "no-such-bucket", 1)
	steps := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"blobs"}, 2, "用法"},
		{[]string{"blobs", "move"}, 2, "用法"},
		{[]string{"blobs", "copy", "--data", dir}, 2, "--to"},
		{[]string{"blobs", "copy", "--data", dir, "--to", "/srv/attachments"}, 1, "s3://"},
		{[]string{"blobs", "copy", "--data", dir, "--to", missing}, 1, "存储桶不存在"},
		{[]string{"blobs", "copy", "--data", dir, "--to", bucketURL}, 0, "复制 2 个附件文件，跳过 0 个"},
		{[]string{"blobs", "copy", "--data", dir, "--to", bucketURL}, 0, "复制 0 个附件文件，跳过 2 个"},
		{[]string{"serve", "--data", dir, "--addr", "127.0.0.1:0", "--blobs", missing}, 1, "存储桶不存在"},
		{[]string{"backup", "--data", dir, "-o", filepath.Join(t.TempDir(), "copy.db")}, 0, "附件文件不在其中"},
	}
	for _, s := range steps {
		code, out, errOut := runStdin(t, "", s.args...)
		if code != s.code || !strings.Contains(out+errOut, s.want) {
			t.Errorf("%v: code %d (want %d), output %q %q, want it to contain %q", s.args, code, s.code, out, errOut, s.want)
		}
	}
	bucket, closeBucket, err := blob.Open(ctx, bucketURL, "")
	if err != nil {
		t.Fatal(err)
	}
	defer closeBucket()
	for _, f := range files {
		if got, err := bucket.Get(ctx, blob.Key([]byte(f))); err != nil || string(got) != f {
			t.Errorf("%s in the bucket: %q, %v", f, got, err)
		}
	}
}

// TestBlobsPrune deletes the attachment file nothing refers to any more
// and keeps the one an item refers to and the one written a moment ago;
// a dry run only counts.
func TestBlobsPrune(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	db, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a := &agency.Agency{Name: "长治市行政审批服务管理局", Code: "0142768-8", Kind: agency.Government}
	sys := auditlog.Change{Actor: "test"}
	if err := db.CreateAgency(ctx, a, sys); err != nil {
		t.Fatal(err)
	}
	it := &catalog.Item{AgencyID: a.ID, Title: "办事指南", Body: "<p>见附件</p>", WrittenOn: calendar.NewDate(2026, 11, 2), Publisher: "测试机关", Genre: "通知"}
	if err := db.CreateItem(ctx, it, sys); err != nil {
		t.Fatal(err)
	}
	files := blob.Dir{Root: db.BlobDir()}
	keys := map[string]string{}
	for _, name := range []string{"在用", "已移除", "刚上传"} {
		if keys[name], err = files.Put(ctx, []byte("附件："+name)); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"在用", "已移除"} {
		att := &store.ItemAttachment{ItemID: it.ID, Name: name + ".pdf", ContentType: "application/pdf", BlobKey: keys[name]}
		if err := db.AddAttachment(ctx, a.ID, att, sys); err != nil {
			t.Fatal(err)
		}
		if name == "已移除" {
			if err := db.RemoveAttachment(ctx, a.ID, it.ID, att.ID, sys); err != nil {
				t.Fatal(err)
			}
		}
	}
	db.Close()
	old := time.Now().Add(-48 * time.Hour)
	for _, name := range []string{"在用", "已移除"} {
		if err := os.Chtimes(filepath.Join(files.Root, keys[name][:2], keys[name]), old, old); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"blobs", "prune", "--data", dir, "--older-than", "10m"}, 2, "至少"},
		{[]string{"blobs", "prune", "--data", dir, "--dry-run"}, 0, "将删除 1 个无引用的附件文件（18 字节）；保留 1 个仍被引用的、1 个 24h0m0s 内写入的"},
		{[]string{"blobs", "prune", "--data", dir}, 0, "删除 1 个无引用的附件文件（18 字节）；保留 1 个仍被引用的、1 个 24h0m0s 内写入的"},
		{[]string{"blobs", "prune", "--data", dir}, 0, "删除 0 个无引用的附件文件（0 字节）"},
	}
	for _, s := range steps {
		code, out, errOut := runStdin(t, "", s.args...)
		if code != s.code || !strings.Contains(out+errOut, s.want) {
			t.Errorf("%v: code %d (want %d), output %q %q, want it to contain %q", s.args, code, s.code, out, errOut, s.want)
		}
	}
	for name, k := range keys {
		if ok, err := files.Has(ctx, k); err != nil || ok != (name != "已移除") {
			t.Errorf("%s after pruning: stored %v, %v", name, ok, err)
		}
	}
}
