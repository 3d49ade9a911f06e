package store

import (
	"context"
	"fmt"

	"github.com/gongkai/gongkai/internal/blob"
)

// MoveCaseAttachments copies the case attachments still kept in the
// database (made before case attachments moved to the blob store) into
// blobs, a few at a time, recording each one's key and emptying its data in
// the same step; it returns how many it moved. It can run on every start:
// when nothing is left it costs one query.
func (db *DB) MoveCaseAttachments(ctx context.Context, blobs blob.Store) (int, error) {
	moved := 0
	for {
		var rows []attachmentRow
		err := db.read.SelectContext(ctx, &rows, `SELECT id, name, mime, size, blob_key, data FROM case_attachments
			WHERE blob_key = '' ORDER BY id LIMIT 20`)
		if err != nil {
			return moved, fmt.Errorf("store: case attachments to move: %w", err)
		}
		if len(rows) == 0 {
			return moved, nil
		}
		for _, r := range rows {
			key, err := blobs.Put(ctx, r.Data)
			if err != nil {
				return moved, fmt.Errorf("store: move case attachment %d: %w", r.ID, err)
			}
			_, err = db.write.ExecContext(ctx, db.write.Rebind(`UPDATE case_attachments SET blob_key = ?, data = ? WHERE id = ? AND blob_key = ''`),
				key, []byte{}, r.ID)
			if err != nil {
				return moved, fmt.Errorf("store: move case attachment %d: %w", r.ID, err)
			}
			moved++
		}
	}
}
