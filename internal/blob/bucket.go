package blob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/blob/s3blob"
	"gocloud.dev/gcerrors"
)

// Bucket is a Store in an S3-compatible bucket (AWS S3, MinIO, Ceph, the
// object storage of the government clouds). Each blob is the object named
// by its key, after the URL's optional prefix.
type Bucket struct {
	b *blob.Bucket
}

// Put writes data and returns its key. S3 has no way to touch an object,
// so bytes the bucket already holds are written again, for a new time.
func (s Bucket) Put(ctx context.Context, data []byte) (string, error) {
	key := Key(data)
	// A fixed content type: the bucket must never serve an upload as a page.
	opts := &blob.WriterOptions{ContentType: "application/octet-stream"}
	if err := s.b.WriteAll(ctx, key, data, opts); err != nil {
		return "", fmt.Errorf("blob: write %s: %w", key, err)
	}
	return key, nil
}

// Get reads the blob with the given key.
func (s Bucket) Get(ctx context.Context, key string) ([]byte, error) {
	if !validKey(key) {
		return nil, errNotFound()
	}
	data, err := s.b.ReadAll(ctx, key)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return nil, errNotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("blob: read %s: %w", key, err)
	}
	return data, nil
}

// Has reports whether the bucket holds the blob with the given key.
func (s Bucket) Has(ctx context.Context, key string) (bool, error) {
	if !validKey(key) {
		return false, nil
	}
	ok, err := s.b.Exists(ctx, key)
	if err != nil {
		return false, fmt.Errorf("blob: look up %s: %w", key, err)
	}
	return ok, nil
}

// List calls fn for every blob in the bucket (under the URL's prefix), in
// key order; objects not named like a blob are skipped.
func (s Bucket) List(ctx context.Context, fn func(Info) error) error {
	it := s.b.List(nil)
	for {
		obj, err := it.Next(ctx)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("blob: list: %w", err)
		}
		if obj.IsDir || !validKey(obj.Key) {
			continue
		}
		if err := fn(Info{Key: obj.Key, Size: obj.Size, ModTime: obj.ModTime}); err != nil {
			return err
		}
	}
}

// DeleteBefore deletes the blob's object if it was last written before t.
func (s Bucket) DeleteBefore(ctx context.Context, key string, t time.Time) (bool, error) {
	if !validKey(key) {
		return false, nil
	}
	attrs, err := s.b.Attributes(ctx, key)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("blob: look up %s: %w", key, err)
	}
	if !attrs.ModTime.Before(t) {
		return false, nil
	}
	if err := s.b.Delete(ctx, key); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
		return false, fmt.Errorf("blob: delete %s: %w", key, err)
	}
	return true, nil
}

// Open returns the Store that rawURL names and a function that releases it.
// An empty rawURL is the folder dir, as before buckets existed. Otherwise
// rawURL is a gocloud.dev bucket URL such as
// s3://bucket?endpoint=http://127.0.0.1:9000&region=us-east-1&use_path_style=true,
// with the credentials taken from the usual AWS environment variables or
// files. The bucket is checked once here, so a wrong address, bucket or
// credential stops the server at start rather than at the first upload.
func Open(ctx context.Context, rawURL, dir string) (Store, func() error, error) {
	if rawURL == "" {
		return Dir{Root: dir}, func() error { return nil }, nil
	}
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != s3blob.Scheme || u.Host == "" {
		return nil, nil, fmt.Errorf("blob: 附件存储地址应为 s3://存储桶名?endpoint=…&region=… 形式，而不是 %q", rawURL)
	}
	if u.Query().Has("key") { // gocloud would read and write every blob as that one object
		return nil, nil, fmt.Errorf("blob: 附件存储地址不能带 key 参数（要把附件放在子目录下请用 prefix=）")
	}
	// Our own mux rather than gocloud's global one: only S3 is offered.
	mux := new(blob.URLMux)
	mux.RegisterBucket(s3blob.Scheme, new(s3blob.URLOpener))
	b, err := mux.OpenBucket(ctx, rawURL)
	if err != nil {
		return nil, nil, fmt.Errorf("blob: 无法打开附件存储桶 %s: %w", u.Host, err)
	}
	if err := check(ctx, b); err != nil {
		b.Close()
		return nil, nil, fmt.Errorf("blob: 附件存储桶 %s 不可用: %w", u.Host, err)
	}
	return Bucket{b: b}, b.Close, nil
}

// check lists one object to see that the bucket exists and answers.
func check(ctx context.Context, b *blob.Bucket) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	ok, err := b.IsAccessible(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("存储桶不存在")
	}
	return nil
}
