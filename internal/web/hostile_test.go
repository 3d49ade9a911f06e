package web_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/filetype"
	"github.com/gongkai/gongkai/internal/hostile"
	"github.com/gongkai/gongkai/internal/store"
)

// limitMessage is how the user is told that a file went over a budget.
const limitMessage = "文件过大或结构异常，未能读取"

// TestHostileUploads sends every document of the hostile corpus through
// every entry point that reads uploads — a catalog attachment, the
// catalog import (workbooks) and the auditor page (reports) — all at once,
// while a visitor keeps asking for the health check. Each upload is
// refused with the limit named, the attachment is kept without its text
// (so the privacy scan blocks its approval), and the server answers every
// health check throughout.
func TestHostileUploads(t *testing.T) {
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e := newEnv(t, db)
		bureau := e.ids[demo.Bureau]
		editor, admin := e.login("spj-editor"), e.login("admin")
		item, itemID := editor.draftItem(t, bureau, "附件读取测试")

		stop := make(chan struct{})
		var checks, failures atomic.Int64
		var polled sync.WaitGroup
		polled.Add(1)
		go func() { // the visitor
			defer polled.Done()
			for {
				select {
				case <-stop:
					return
				case <-time.After(20 * time.Millisecond):
				}
				r, err := http.Get(e.srv.URL + "/healthz")
				checks.Add(1)
				if err != nil || r.StatusCode != http.StatusOK {
					failures.Add(1)
				}
				if r != nil {
					r.Body.Close()
				}
			}
		}()

		var uploads sync.WaitGroup
		// Eight uploads at a time: within the sandbox's workers and
		// queue, which refuse more as busy (tested in package sandbox).
		slots := make(chan struct{}, 8)
		send := func(fn func()) {
			uploads.Add(1)
			go func() {
				defer uploads.Done()
				slots <- struct{}{}
				defer func() { <-slots }()
				fn()
			}()
		}
		attached := 0
		for _, f := range hostile.Corpus() {
			data, err := os.ReadFile(filepath.Join("..", "hostile", "testdata", f.Name))
			if err != nil {
				t.Fatal(err)
			}
			// A file whose content is not what its name says is refused at
			// the door; the rest reach the sandbox.
			if _, err := filetype.Check(f.Name, data, catalog.AttachmentKinds...); err == nil {
				attached++
				send(func() {
					res, body := editor.postFile(item+"/attachments", f.Name, data)
					if res.StatusCode != http.StatusSeeOther {
						t.Errorf("attachment %s: status %d: %.300s", f.Name, res.StatusCode, body)
					}
				})
			} else if strings.Contains(errs.Message(err), "名称与内容不符") {
				send(func() {
					res, body := editor.postFile(item+"/attachments", f.Name, data)
					if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "名称与内容不符") {
						t.Errorf("attachment %s: status %d, want 400 saying 名称与内容不符: %.300s", f.Name, res.StatusCode, body)
					}
				})
			}
			send(func() {
				if f.Sheet {
					res, body := admin.postFile(fmt.Sprintf("/office/a/%d/items/import", bureau), f.Name, data)
					// A tall sheet meets the import's own row cap first.
					if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, limitMessage) && !strings.Contains(body, "一次最多导入") {
						t.Errorf("import %s: status %d, want 400 saying %s", f.Name, res.StatusCode, limitMessage)
					}
					return
				}
				if body := admin.audit(t, map[string][]byte{f.Name: data}); !strings.Contains(body, limitMessage) {
					t.Errorf("auditor %s: the batch's page does not say %s", f.Name, limitMessage)
				}
			})
		}
		uploads.Wait()
		e.waitTexts(itemID) // the attachments are read by jobs, after their uploads returned
		close(stop)
		polled.Wait()
		if checks.Load() == 0 || failures.Load() > 0 {
			t.Errorf("%d of %d health checks failed while the uploads were read", failures.Load(), checks.Load())
		}

		e.waitTexts(itemID)
		atts, err := db.Attachments(ctx, itemID)
		if err != nil {
			t.Fatal(err)
		}
		if len(atts) != attached {
			t.Fatalf("%d attachments kept, want %d", len(atts), attached)
		}
		for _, a := range atts {
			if a.Text != "" || !strings.HasPrefix(a.TextError, limitMessage) {
				t.Errorf("attachment %s: text %d bytes, error %q; want no text and the limit", a.Name, len(a.Text), a.TextError)
			}
		}
		res, body := editor.get(item)
		wantStatus(t, "item page", res, body, http.StatusOK, limitMessage)
	})
}
