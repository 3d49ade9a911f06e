package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/blob"
	"github.com/gongkai/gongkai/internal/blob/blobtest"
)

// TestBlobsCopy moves a data folder's attachment files into a bucket on an
// S3 server, twice, checks that serve refuses a bucket it cannot use, and
// that backup says the attachment files are not in the database copy.
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
