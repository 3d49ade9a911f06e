package store_test

import (
	"context"
	"testing"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/blob"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// TestMoveCaseAttachments moves an attachment kept in the database, as
// they were before case attachments used the blob store, into the blob
// store: its bytes there, its key recorded, its data emptied, prune told to
// keep it; a second run finds nothing to move.
func TestMoveCaseAttachments(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		bureau := mustAgency(t, db, "长治市行政审批服务管理局", "spj", 0)
		c, ev, err := cases.NewCase(bureau.ID, cases.ChannelOnline, person(cases.NaturalPerson), request("城区道路改造批复"), calendar.Date{}, caseDay("2026-03-02"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateCase(ctx, c, ev, nil, auditlog.Change{Actor: "public", Action: "case.submit"}); err != nil {
			t.Fatal(err)
		}
		legacy := []byte("%PDF-1.4 一份旧附件")
		if err := db.Exec(ctx, `INSERT INTO case_attachments (case_id, name, mime, size, data) VALUES (?, ?, ?, ?, ?)`,
			c.ID, "旧.pdf", "application/pdf", len(legacy), legacy); err != nil {
			t.Fatal(err)
		}
		blobs := blob.Dir{Root: t.TempDir()}
		if n, err := db.MoveCaseAttachments(ctx, blobs); n != 1 || err != nil {
			t.Fatalf("moved %d, %v; want 1", n, err)
		}
		files, err := db.CaseAttachments(ctx, c.ID)
		if err != nil || len(files) != 1 || files[0].BlobKey != blob.Key(legacy) {
			t.Fatalf("attachments %+v, %v", files, err)
		}
		f, err := db.CaseAttachment(ctx, c.ID, files[0].ID)
		if err != nil || len(f.Data) != 0 {
			t.Fatalf("the moved attachment still has %d bytes in the database: %v", len(f.Data), err)
		}
		if got, err := blobs.Get(ctx, f.BlobKey); err != nil || string(got) != string(legacy) {
			t.Fatalf("blob store: %q, %v", got, err)
		}
		if keys, err := db.AttachmentBlobKeys(ctx); err != nil || !keys[f.BlobKey] {
			t.Fatalf("prune would delete the moved attachment: %v, %v", keys, err)
		}
		if n, err := db.MoveCaseAttachments(ctx, blobs); n != 0 || err != nil {
			t.Fatalf("second run moved %d, %v", n, err)
		}
	})
}
