package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// TestAttachmentTextJob follows an attachment uploaded without its text:
// it blocks approval while pending, one claim takes it (a second finds
// nothing until the first lapses or is released), and the saved text is
// scanned, so its ID number becomes a finding that blocks approval too.
func TestAttachmentTextJob(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", 0)
		it := mustItem(t, db, a.ID, 0, "办事指南", "<p>见附件</p>", calendar.NewDate(2026, 11, 2))
		att := &store.ItemAttachment{ItemID: it.ID, Name: "名单.txt", ContentType: "text/plain", BlobKey: "k1", TextState: store.TextPending}
		if err := db.AddAttachment(ctx, a.ID, att, as(editor)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.TransitionItem(ctx, a.ID, it.ID, catalog.Step{Action: catalog.Submit, By: editor}, as(editor)); err != nil {
			t.Fatal(err)
		}
		approve := catalog.Step{Action: catalog.Approve, By: reviewer}
		if _, err := db.TransitionItem(ctx, a.ID, it.ID, approve, as(reviewer)); !errors.Is(err, errs.ErrConflict) || !strings.Contains(errs.Message(err), "仍在读取") {
			t.Fatalf("approval with an attachment being read: %v, want a conflict saying it is being read", err)
		}

		got, ok, err := db.ClaimAttachmentText(ctx, now.Add(-5*time.Minute))
		if err != nil || !ok || got.ID != att.ID || got.BlobKey != "k1" || !got.TextPending() {
			t.Fatalf("claim: %+v, %v, %v", got, ok, err)
		}
		if _, ok, err := db.ClaimAttachmentText(ctx, now.Add(-5*time.Minute)); ok || err != nil {
			t.Fatalf("a second claim took the same attachment: %v, %v", ok, err)
		}
		if err := db.ReleaseAttachmentText(ctx, att.ID); err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Minute)
		if _, ok, err := db.ClaimAttachmentText(ctx, now.Add(-5*time.Minute)); !ok || err != nil {
			t.Fatalf("claim after release: %v, %v", ok, err)
		}
		now = now.Add(10 * time.Minute) // the runner stopped: its claim lapses
		if _, ok, err := db.ClaimAttachmentText(ctx, now.Add(-5*time.Minute)); !ok || err != nil {
			t.Fatalf("claim of a lapsed claim: %v, %v", ok, err)
		}

		if err := db.SaveAttachmentText(ctx, att.ID, "申请人身份证号140402198506121232", ""); err != nil {
			t.Fatal(err)
		}
		atts, err := db.Attachments(ctx, it.ID)
		if err != nil || len(atts) != 1 || atts[0].TextPending() || atts[0].TextError != "" {
			t.Fatalf("attachments after the job: %+v, %v", atts, err)
		}
		findings, err := db.Findings(ctx, it.ID)
		if err != nil || len(findings) != 1 || findings[0].Kind != catalog.FindIDNumber {
			t.Fatalf("findings after the job: %+v, %v; want the ID number", findings, err)
		}
		if _, ok, err := db.ClaimAttachmentText(ctx, now); ok || err != nil {
			t.Fatalf("claim after the text was saved: %v, %v", ok, err)
		}
		if err := db.SaveAttachmentText(ctx, att.ID, "again", ""); err != nil {
			t.Fatalf("saving twice: %v", err)
		}
		approve.Reason = "已人工核对附件，身份证号为示例号码"
		if _, err := db.TransitionItem(ctx, a.ID, it.ID, approve, as(reviewer)); err != nil {
			t.Fatalf("approval with a written reason: %v", err)
		}
	})
}
