package blob_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/blob"
	"github.com/gongkai/gongkai/internal/blob/blobtest"
	"github.com/gongkai/gongkai/internal/errs"
)

// open returns the Store rawURL names, closed when the test ends.
func open(t *testing.T, rawURL, dir string) blob.Store {
	t.Helper()
	st, closeStore, err := blob.Open(context.Background(), rawURL, dir)
	if err != nil {
		t.Fatalf("open %q: %v", rawURL, err)
	}
	t.Cleanup(func() {
		if err := closeStore(); err != nil {
			t.Error(err)
		}
	})
	return st
}

// TestStores puts, gets and looks up blobs in the folder and in a bucket
// on an S3 server, with the same expectations for both.
func TestStores(t *testing.T) {
	bucketURL := blobtest.Server(t)
	stores := []struct {
		name string
		url  string
	}{{"folder", ""}, {"bucket", bucketURL}, {"bucket with a prefix", bucketURL + "&prefix=attachments/"}}
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t, s.url, t.TempDir())
			data := []byte("%PDF-1.4 长治市政府信息公开指南 " + s.name)
			key, err := st.Put(ctx, data)
			if err != nil || key != blob.Key(data) {
				t.Fatalf("put: key %q, %v; want %q", key, err, blob.Key(data))
			}
			if again, err := st.Put(ctx, data); err != nil || again != key {
				t.Fatalf("second put of the same bytes: key %q, %v", again, err)
			}
			if got, err := st.Get(ctx, key); err != nil || string(got) != string(data) {
				t.Fatalf("get: %q, %v", got, err)
			}
			if ok, err := st.Has(ctx, key); err != nil || !ok {
				t.Fatalf("has a stored key: %v, %v", ok, err)
			}
			empty, err := st.Put(ctx, nil)
			if err != nil {
				t.Fatalf("put an empty file: %v", err)
			}
			if got, err := st.Get(ctx, empty); err != nil || len(got) != 0 {
				t.Fatalf("get an empty file: %q, %v", got, err)
			}
			missing := []string{blob.Key([]byte("never stored")), "../../etc/passwd", strings.ToUpper(key), "", key[:63]}
			for _, k := range missing {
				if _, err := st.Get(ctx, k); !errors.Is(err, errs.ErrNotFound) || errs.Message(err) != "文件不存在" {
					t.Errorf("get %q: %v, want 文件不存在 (not found)", k, err)
				}
				if ok, err := st.Has(ctx, k); ok || err != nil {
					t.Errorf("has %q: %v, %v", k, ok, err)
				}
			}
		})
	}
}

// TestOpenRefuses checks that a bucket that cannot be used stops Open with
// a message naming the problem.
func TestOpenRefuses(t *testing.T) {
	good := blobtest.Server(t)
	gone := httptest.NewServer(nil)
	gone.Close()
	tests := []struct {
		name, url, want string
	}{
		{"not s3", "gs://gongkai", "s3://"},
		{"no bucket name", "s3://?region=us-east-1", "s3://"},
		{"unknown parameter", good + "&colour=red", "colour"},
		{"one key for every blob", good + "&key=a.pdf", "key"},
		{"missing bucket", strings.Replace(good, blobtest.BucketName, "no-such-bucket", 1), "存储桶不存在"},
		{"server down", blobtest.URL(gone.URL, blobtest.BucketName), "不可用"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _, err := blob.Open(context.Background(), tt.url, t.TempDir())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("open %q: store %v, error %v; want an error mentioning %q", tt.url, st, err, tt.want)
			}
		})
	}
}

// TestCopy moves a folder's blobs into a bucket, twice, and stops at a
// file whose content does not match its name.
func TestCopy(t *testing.T) {
	ctx := context.Background()
	bucketURL := blobtest.Server(t)
	dir := blob.Dir{Root: t.TempDir()}
	var keys []string
	for _, s := range []string{"一", "二", "三"} {
		k, err := dir.Put(ctx, []byte("附件"+s))
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	// An interrupted upload leaves a temporary file; it is not a blob.
	if err := os.WriteFile(filepath.Join(dir.Root, keys[0][:2], ".upload-123"), []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	dst := open(t, bucketURL, "")
	if _, err := dst.Put(ctx, []byte("附件二")); err != nil { // already there
		t.Fatal(err)
	}
	steps := []struct {
		name string
		want blob.Copied
	}{{"first", blob.Copied{Copied: 2, Skipped: 1}}, {"again", blob.Copied{Copied: 0, Skipped: 3}}}
	for _, s := range steps {
		if n, err := blob.Copy(ctx, dir, dst); err != nil || n != s.want {
			t.Fatalf("%s copy: %+v, %v; want %+v", s.name, n, err, s.want)
		}
	}
	for _, k := range keys {
		want, _ := dir.Get(ctx, k)
		if got, err := dst.Get(ctx, k); err != nil || string(got) != string(want) {
			t.Errorf("bucket %s: %q, %v; want %q", k, got, err, want)
		}
	}

	bad := blob.Key([]byte("原来的内容"))
	if err := os.MkdirAll(filepath.Join(dir.Root, bad[:2]), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir.Root, bad[:2], bad), []byte("被改过的内容"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := blob.Copy(ctx, dir, dst); err == nil || !strings.Contains(err.Error(), "内容与文件名不符") {
		t.Fatalf("copy of a damaged file: %v", err)
	}
	if ok, _ := dst.Has(ctx, blob.Key([]byte("被改过的内容"))); ok {
		t.Fatal("the damaged file was copied under another key")
	}
}

// TestCopyFromMissingFolder copies nothing from a data folder that has
// never held an attachment.
func TestCopyFromMissingFolder(t *testing.T) {
	dst := open(t, blobtest.Server(t), "")
	n, err := blob.Copy(context.Background(), blob.Dir{Root: filepath.Join(t.TempDir(), "blobs")}, dst)
	if err != nil || n != (blob.Copied{}) {
		t.Fatalf("copy: %+v, %v", n, err)
	}
}

// TestPrune deletes the unreferenced blobs of the folder and of a bucket,
// keeping those referred to and those written since the cutoff, and
// counts the same in a dry run first.
func TestPrune(t *testing.T) {
	bucketURL := blobtest.Server(t)
	for _, s := range []struct{ name, url string }{{"folder", ""}, {"bucket", bucketURL + "&prefix=attachments/"}} {
		t.Run(s.name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t, s.url, t.TempDir())
			keys := map[string]string{}
			for _, name := range []string{"在用", "已删除", "另一个已删除"} {
				k, err := st.Put(ctx, []byte("附件："+name))
				if err != nil {
					t.Fatal(err)
				}
				keys[name] = k
			}
			used := func(context.Context) (map[string]bool, error) { return map[string]bool{keys["在用"]: true}, nil }
			size := int64(len("附件：已删除") + len("附件：另一个已删除"))
			// Everything was written after an hour ago: nothing is old enough.
			if n, err := blob.Prune(ctx, st, time.Now().Add(-time.Hour), used, false); err != nil || n != (blob.Pruned{Used: 1, Recent: 2}) {
				t.Fatalf("prune with a cutoff an hour ago: %+v, %v", n, err)
			}
			later := time.Now().Add(time.Minute)
			if n, err := blob.Prune(ctx, st, later, used, true); err != nil || n != (blob.Pruned{Deleted: 2, Bytes: size, Used: 1}) {
				t.Fatalf("dry run: %+v, %v", n, err)
			}
			if ok, _ := st.Has(ctx, keys["已删除"]); !ok {
				t.Fatal("the dry run deleted a blob")
			}
			if n, err := blob.Prune(ctx, st, later, used, false); err != nil || n != (blob.Pruned{Deleted: 2, Bytes: size, Used: 1}) {
				t.Fatalf("prune: %+v, %v", n, err)
			}
			for name, k := range keys {
				if ok, err := st.Has(ctx, k); err != nil || ok != (name == "在用") {
					t.Errorf("%s after pruning: stored %v, %v", name, ok, err)
				}
			}
			if n, err := blob.Prune(ctx, st, later, used, false); err != nil || n != (blob.Pruned{Used: 1}) {
				t.Fatalf("prune again: %+v, %v", n, err)
			}
			if ok, err := st.DeleteBefore(ctx, keys["已删除"], later); ok || err != nil {
				t.Fatalf("delete a missing blob: %v, %v", ok, err)
			}
			if ok, err := st.DeleteBefore(ctx, "../../etc/passwd", later); ok || err != nil {
				t.Fatalf("delete a path: %v, %v", ok, err)
			}
		})
	}
}

// TestPutRefreshesTime checks that storing bytes the folder already holds
// gives the file a new time, so that Prune keeps a file referred to again
// by an upload that raced it.
func TestPutRefreshesTime(t *testing.T) {
	ctx := context.Background()
	dir := blob.Dir{Root: t.TempDir()}
	key, err := dir.Put(ctx, []byte("附件"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir.Root, key[:2], key)
	old := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := dir.Put(ctx, []byte("附件")); err != nil {
		t.Fatal(err)
	}
	if ok, err := dir.DeleteBefore(ctx, key, time.Now().Add(-24*time.Hour)); ok || err != nil {
		t.Fatalf("a blob stored again was deleted as a day old: %v, %v", ok, err)
	}
}
