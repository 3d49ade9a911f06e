package blob

import (
	"context"
	"fmt"
	"time"
)

// Pruned counts what Prune did, or would do.
type Pruned struct {
	Deleted int   // unreferenced blobs deleted (or, in a dry run, to delete)
	Bytes   int64 // their size
	Used    int   // blobs referred to, kept
	Recent  int   // unreferenced blobs written since the cutoff, kept
}

// Prune deletes the blobs of st that nothing refers to any more (the
// attachment removed from a draft, the draft's file replaced) and that
// were last written before cutoff. used returns the keys referred to; it
// is asked after the blobs are listed, so an upload that finishes while
// Prune runs is either in it or written after the listing. An upload
// stores its file before the record that refers to it: the cutoff (a
// day, say) keeps the file of an upload still on its way, and Put gives
// bytes stored again a new time, so a file referred to again is kept
// too. With dryRun nothing is deleted and the counts say what would be.
func Prune(ctx context.Context, st Store, cutoff time.Time, used func(context.Context) (map[string]bool, error), dryRun bool) (Pruned, error) {
	var n Pruned
	var all []Info
	if err := st.List(ctx, func(b Info) error { all = append(all, b); return nil }); err != nil {
		return n, fmt.Errorf("blob: prune: %w", err)
	}
	refs, err := used(ctx)
	if err != nil {
		return n, fmt.Errorf("blob: prune: %w", err)
	}
	for _, b := range all {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		switch {
		case refs[b.Key]:
			n.Used++
			continue
		case !b.ModTime.Before(cutoff):
			n.Recent++
			continue
		}
		deleted := true
		if !dryRun {
			// Checked again: the bytes may have been stored again since.
			if deleted, err = st.DeleteBefore(ctx, b.Key, cutoff); err != nil {
				return n, fmt.Errorf("blob: prune: %w", err)
			}
		}
		if deleted {
			n.Deleted++
			n.Bytes += b.Size
		} else {
			n.Recent++
		}
	}
	return n, nil
}
