// Package blob keeps the bytes of uploaded files (attachments) outside the
// database: in a local folder (Dir) by default, or in an S3-compatible
// bucket (Bucket). Both name a blob by the SHA-256 of its content, so a key
// means the same bytes in either place and blobs move between them as they are.
package blob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gongkai/gongkai/internal/errs"
)

// Store keeps blobs by key.
type Store interface {
	// Put stores data under its content key and returns the key; storing
	// the same bytes again changes nothing but the blob's time, which
	// tells Prune that it is in use again.
	Put(ctx context.Context, data []byte) (key string, err error)
	// Get returns the blob with the given key, or an errs.NotFound error.
	Get(ctx context.Context, key string) ([]byte, error)
	// Has reports whether a blob with the given key is stored.
	Has(ctx context.Context, key string) (bool, error)
	// List calls fn for every blob; other files or objects are skipped.
	List(ctx context.Context, fn func(Info) error) error
	// DeleteBefore deletes the blob with the given key if it was last
	// written before t, and reports whether it did; a missing blob is
	// not an error.
	DeleteBefore(ctx context.Context, key string, t time.Time) (bool, error)
}

// Info describes a stored blob.
type Info struct {
	Key     string
	Size    int64
	ModTime time.Time // when it was last written
}

// Key returns the content key of data: its SHA-256 in lower-case hex.
func Key(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// validKey reports whether key has the shape of a content key, so a key from
// a request can never name another object or a path outside the folder.
func validKey(key string) bool {
	return len(key) == 64 && strings.Trim(key, "0123456789abcdef") == ""
}

// errNotFound is the error every Store returns for a missing blob.
func errNotFound() error { return errs.NotFound("文件不存在") }

// Dir is a Store in a local folder: each blob is the file <Root>/<key[:2]>/<key>.
type Dir struct {
	Root string
}

// Put writes data and returns its key.
func (d Dir) Put(_ context.Context, data []byte) (string, error) {
	key := Key(data)
	path := d.path(key)
	if _, err := os.Stat(path); err == nil {
		now := time.Now()
		if err := os.Chtimes(path, now, now); err != nil {
			return "", fmt.Errorf("blob: %w", err)
		}
		return key, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return "", fmt.Errorf("blob: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".upload-*")
	if err != nil {
		return "", fmt.Errorf("blob: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", fmt.Errorf("blob: write: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("blob: write: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", fmt.Errorf("blob: %w", err)
	}
	return key, nil
}

// Get reads the blob with the given key.
func (d Dir) Get(_ context.Context, key string) ([]byte, error) {
	if !validKey(key) {
		return nil, errNotFound()
	}
	data, err := os.ReadFile(d.path(key))
	if errors.Is(err, os.ErrNotExist) {
		return nil, errNotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("blob: %w", err)
	}
	return data, nil
}

// Has reports whether the folder holds the blob with the given key.
func (d Dir) Has(_ context.Context, key string) (bool, error) {
	st, err := d.stat(key)
	return st != nil, err
}

// List calls fn for every blob in the folder, in key order.
func (d Dir) List(ctx context.Context, fn func(Info) error) error {
	return d.each(func(key string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		st, err := d.stat(key)
		if err != nil || st == nil { // nil: deleted since the folder was read
			return err
		}
		return fn(Info{Key: key, Size: st.Size(), ModTime: st.ModTime()})
	})
}

// DeleteBefore removes the blob's file if it was last written before t.
func (d Dir) DeleteBefore(_ context.Context, key string, t time.Time) (bool, error) {
	st, err := d.stat(key)
	if err != nil || st == nil || !st.ModTime().Before(t) {
		return false, err
	}
	if err := os.Remove(d.path(key)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return false, fmt.Errorf("blob: %w", err)
	}
	return true, nil
}

// stat returns the file of the blob with the given key, or nil when the
// folder holds none (or the key is not a blob's).
func (d Dir) stat(key string) (fs.FileInfo, error) {
	if !validKey(key) {
		return nil, nil
	}
	st, err := os.Stat(d.path(key))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("blob: %w", err)
	}
	return st, nil
}

// each calls fn with the key of every blob in the folder, in lexical order;
// other files (such as an interrupted upload's temporary file) are skipped.
// A folder that does not exist holds no blobs.
func (d Dir) each(fn func(key string) error) error {
	return filepath.WalkDir(d.Root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			if path == d.Root && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return fmt.Errorf("blob: read %s: %w", path, err)
		}
		if e.Type().IsRegular() && validKey(e.Name()) && path == d.path(e.Name()) {
			return fn(e.Name())
		}
		return nil
	})
}

func (d Dir) path(key string) string { return filepath.Join(d.Root, key[:2], key) }
