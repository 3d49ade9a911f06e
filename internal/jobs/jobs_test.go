package jobs_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/audit"
	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/blob"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/hostile"
	"github.com/gongkai/gongkai/internal/jobs"
	"github.com/gongkai/gongkai/internal/sandbox"
	"github.com/gongkai/gongkai/internal/sandbox/sandboxtest"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// TestMain removes the template databases the tests copy from; in a test
// binary started as a sandbox child, it is the child.
func TestMain(m *testing.M) {
	sandboxtest.Child()
	os.Exit(storetest.Main(m))
}

var sys = auditlog.Change{Actor: "test"}

// TestAttachmentTexts reads two pending attachments in real sandbox
// children: a text file's words are saved and scanned, a PDF bomb's limit
// becomes its text error; then there is nothing left to do.
func TestAttachmentTexts(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := &agency.Agency{Name: "长治市行政审批服务管理局", Code: "0142768-8", Kind: agency.Government}
		if err := db.CreateAgency(ctx, a, sys); err != nil {
			t.Fatal(err)
		}
		it := &catalog.Item{AgencyID: a.ID, Title: "办事指南", Body: "<p>见附件</p>", WrittenOn: calendar.NewDate(2026, 11, 2), Publisher: "测试机关", Genre: "通知"}
		if err := db.CreateItem(ctx, it, sys); err != nil {
			t.Fatal(err)
		}
		blobs := blob.Dir{Root: t.TempDir()}
		var bomb []byte
		for _, f := range hostile.Corpus() {
			if f.Name == "pdf_operands_4m.pdf" {
				bomb = f.Make()
			}
		}
		for name, data := range map[string][]byte{"名单.txt": []byte("联系电话 13800138000"), "炸弹.pdf": bomb} {
			key, err := blobs.Put(ctx, data)
			if err != nil {
				t.Fatal(err)
			}
			att := &store.ItemAttachment{ItemID: it.ID, Name: name, ContentType: "application/octet-stream", BlobKey: key, TextState: store.TextPending}
			if err := db.AddAttachment(ctx, a.ID, att, sys); err != nil {
				t.Fatal(err)
			}
		}
		run := &jobs.AttachmentTexts{DB: db, Blobs: blobs, Extractor: sandboxtest.Pool(sandbox.Limits{})}
		for i := 0; i < 2; i++ {
			if did, err := run.Next(ctx); !did || err != nil {
				t.Fatalf("run %d: %v, %v", i, did, err)
			}
		}
		if did, err := run.Next(ctx); did || err != nil {
			t.Fatalf("a third run found work: %v, %v", did, err)
		}
		atts, err := db.Attachments(ctx, it.ID)
		if err != nil || len(atts) != 2 {
			t.Fatalf("attachments %+v, %v", atts, err)
		}
		for _, att := range atts {
			switch {
			case att.TextPending():
				t.Errorf("%s still pending", att.Name)
			case att.Name == "炸弹.pdf" && !strings.Contains(att.TextError, "操作数超过"):
				t.Errorf("the bomb's text error %q does not name the limit", att.TextError)
			case att.Name == "名单.txt" && att.TextError != "":
				t.Errorf("the text file was not read: %q", att.TextError)
			}
		}
		findings, err := db.Findings(ctx, it.ID)
		if err != nil || len(findings) != 1 {
			t.Fatalf("findings %+v, %v; want the phone number of the text file", findings, err)
		}
	})
}

// TestAuditFiles reads the files of a batch audit: a report's result is
// saved as JSON, a file that is no report gets the reason.
func TestAuditFiles(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := &auth.User{Username: "auditor", DisplayName: "审查员", PasswordHash: "x"}
		if err := db.CreateUser(ctx, u, sys); err != nil {
			t.Fatal(err)
		}
		blobs := blob.Dir{Root: t.TempDir()}
		report := "长治市行政审批服务管理局2020年政府信息公开工作年度报告\n一、总体情况\n本年新收政府信息公开申请 2 件。\n"
		job := &store.AuditJob{UserID: u.ID}
		for name, data := range map[string]string{"a.txt": report, "b.txt": "\n \n"} {
			key, err := blobs.Put(ctx, []byte(data))
			if err != nil {
				t.Fatal(err)
			}
			job.Files = append(job.Files, store.AuditJobFile{Name: name, BlobKey: key})
		}
		if err := db.CreateAuditJob(ctx, job); err != nil {
			t.Fatal(err)
		}
		run := &jobs.AuditFiles{DB: db, Blobs: blobs, Reader: sandboxtest.Pool(sandbox.Limits{})}
		for i := 0; i < 2; i++ {
			if did, err := run.Next(ctx); !did || err != nil {
				t.Fatalf("run %d: %v, %v", i, did, err)
			}
		}
		got, err := db.AuditJobOf(ctx, u.ID, job.ID)
		if err != nil || got.Done() != 2 {
			t.Fatalf("job %+v, %v; want both files done", got, err)
		}
		for _, f := range got.Files {
			switch f.Name {
			case "a.txt":
				var res audit.Result
				if err := json.Unmarshal([]byte(f.Result), &res); err != nil || res.Year != 2020 || res.File != "a.txt" {
					t.Errorf("a.txt: result %q, %v", f.Result, err)
				}
			case "b.txt":
				if f.Result != "" || f.Error != jobs.NotReport {
					t.Errorf("b.txt: result %q, error %q", f.Result, f.Error)
				}
			}
		}
		if _, err := db.AuditJobOf(ctx, u.ID+1, job.ID); err == nil {
			t.Error("another user found the job")
		}
		if n, err := db.DeleteAuditJobsBefore(ctx, time.Now().Add(time.Hour)); n != 1 || err != nil {
			t.Errorf("deleted %d jobs, %v", n, err)
		}
		keys, err := db.AttachmentBlobKeys(ctx)
		if err != nil || len(keys) != 0 {
			t.Errorf("blob keys after the job was removed: %v, %v", keys, err)
		}
	})
}
