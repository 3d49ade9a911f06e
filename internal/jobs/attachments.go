// Package jobs runs the work that must not hold up a request: reading the
// text of uploaded attachments in the sandbox, after the upload has
// returned. Runners on every node take work from the database, so a
// deployment of several stateless nodes shares it, and work left by a node
// that stopped is taken again.
package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/gongkai/gongkai/internal/blob"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/extract"
	"github.com/gongkai/gongkai/internal/store"
)

// Extractor reads an attachment's text (sandbox.Pool does, in a child).
type Extractor interface {
	Attachment(ctx context.Context, name string, data []byte) (string, error)
}

// claimFor is how long a claim holds: past it, another runner takes the
// attachment again (the child's wall-clock limit is far shorter).
const claimFor = 5 * time.Minute

// unreadable is what the user is told of an attachment that could not be
// read for a reason other than a limit.
const unreadable = "无法提取附件文字，请人工检查附件内容"

// AttachmentTexts reads the text of attachments uploaded without it.
type AttachmentTexts struct {
	DB        *store.DB
	Blobs     blob.Store
	Extractor Extractor
	Log       *slog.Logger
	// Poll is how often an idle runner looks for work (default 1 s).
	Poll time.Duration
	// Runners is how many attachments are read at once (default 2; the
	// sandbox's pool bounds the children in any case).
	Runners int
}

// Run reads pending attachments until ctx is done.
func (a *AttachmentTexts) Run(ctx context.Context) {
	runLoop(ctx, a.Poll, a.Runners, a.Next, logger(a.Log), "jobs: attachment text")
}

// runLoop runs next in runners goroutines until ctx is done, each looking
// again after poll when there was nothing to do or it failed.
func runLoop(ctx context.Context, poll time.Duration, runners int, next func(context.Context) (bool, error), log *slog.Logger, what string) {
	if poll <= 0 {
		poll = time.Second
	}
	if runners <= 0 {
		runners = 2
	}
	var wg sync.WaitGroup
	for range runners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				did, err := next(ctx)
				if err != nil && ctx.Err() == nil {
					log.ErrorContext(ctx, what, "err", err)
				}
				if did && err == nil {
					continue
				}
				select {
				case <-ctx.Done():
				case <-time.After(poll):
				}
			}
		}()
	}
	wg.Wait()
}

// Next reads the text of one pending attachment; did is false when there
// was none. A busy sandbox leaves the attachment pending for a later try.
func (a *AttachmentTexts) Next(ctx context.Context) (did bool, err error) {
	att, ok, err := a.DB.ClaimAttachmentText(ctx, a.DB.Now().Add(-claimFor))
	if err != nil || !ok {
		return false, err
	}
	data, err := a.Blobs.Get(ctx, att.BlobKey)
	if err != nil {
		return true, fmt.Errorf("jobs: attachment %d: %w", att.ID, err)
	}
	text, err := a.Extractor.Attachment(ctx, att.Name, data)
	textError := ""
	switch {
	case errors.Is(err, errs.ErrConflict): // the sandbox is busy: try again later
		if rerr := a.DB.ReleaseAttachmentText(ctx, att.ID); rerr != nil {
			return true, rerr
		}
		return false, nil
	case ctx.Err() != nil:
		return true, ctx.Err()
	case err != nil:
		textError = extract.LimitMessage(err)
		if textError == "" {
			textError = unreadable
		}
		logger(a.Log).InfoContext(ctx, "jobs: attachment text not read", "item", att.ItemID, "name", att.Name, "err", err)
	}
	if err := a.DB.SaveAttachmentText(ctx, att.ID, text, textError); err != nil {
		return true, err
	}
	return true, nil
}

// logger returns log, or one that discards.
func logger(log *slog.Logger) *slog.Logger {
	if log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return log
}
