package blob

import (
	"context"
	"fmt"
)

// Copied counts what Copy did.
type Copied struct {
	Copied  int // blobs written to the destination
	Skipped int // blobs the destination already held
}

// Copy copies every blob of the folder src into dst, skipping those dst
// already holds, so running it again after an interruption finishes the
// job. A file whose content no longer matches its name stops the copy.
func Copy(ctx context.Context, src Dir, dst Store) (Copied, error) {
	var n Copied
	err := src.each(func(key string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		ok, err := dst.Has(ctx, key)
		if err != nil {
			return err
		}
		if ok {
			n.Skipped++
			return nil
		}
		data, err := src.Get(ctx, key)
		if err != nil {
			return err
		}
		if Key(data) != key {
			return fmt.Errorf("blob: %s 的内容与文件名不符（文件已损坏？），复制中止", src.path(key))
		}
		if _, err := dst.Put(ctx, data); err != nil {
			return err
		}
		n.Copied++
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("blob: copy %s: %w", src.Root, err)
	}
	return n, nil
}
