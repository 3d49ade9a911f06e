// Package blob keeps the bytes of uploaded files (attachments) outside the
// database. Dir stores them in a folder; an S3-compatible store
// (gocloud.dev/blob) can implement Store later without touching callers.
package blob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gongkai/gongkai/internal/errs"
)

// Store keeps blobs by key.
type Store interface {
	Put(ctx context.Context, data []byte) (key string, err error)
	Get(ctx context.Context, key string) ([]byte, error)
}

// Dir is a Store in a local folder. Keys are the SHA-256 of the content,
// so the same file uploaded twice is stored once and a key cannot name a
// path outside the folder.
type Dir struct {
	Root string
}

// Put writes data and returns its key.
func (d Dir) Put(_ context.Context, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	key := hex.EncodeToString(sum[:])
	path := d.path(key)
	if _, err := os.Stat(path); err == nil {
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
	if len(key) != 64 || strings.Trim(key, "0123456789abcdef") != "" {
		return nil, errs.NotFound("文件不存在")
	}
	data, err := os.ReadFile(d.path(key))
	if errors.Is(err, os.ErrNotExist) {
		return nil, errs.NotFound("文件不存在")
	}
	if err != nil {
		return nil, fmt.Errorf("blob: %w", err)
	}
	return data, nil
}

func (d Dir) path(key string) string { return filepath.Join(d.Root, key[:2], key) }
