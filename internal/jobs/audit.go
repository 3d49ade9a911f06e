package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/gongkai/gongkai/internal/audit"
	"github.com/gongkai/gongkai/internal/blob"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/extract"
	"github.com/gongkai/gongkai/internal/store"
)

// AuditJobsKept is how long a batch audit's files and results are kept.
const AuditJobsKept = 7 * 24 * time.Hour

// ReportReader reads a published report (sandbox.Pool does, in a child).
type ReportReader interface {
	Report(ctx context.Context, name string, data []byte) (*audit.Result, error)
}

// NotReport is what the user is told of an uploaded file that is not a
// readable report, for a reason other than a limit.
const NotReport = "不是可识别的年度报告（支持文本、HTML 网页、Word（.docx）和带文字层的 PDF），或文件已损坏"

// AuditFiles reads the files of batch audits uploaded to the auditor page.
type AuditFiles struct {
	DB      *store.DB
	Blobs   blob.Store
	Reader  ReportReader
	Log     *slog.Logger
	Poll    time.Duration // default 1 s
	Runners int           // default 2
}

// Run reads pending files until ctx is done.
func (a *AuditFiles) Run(ctx context.Context) {
	runLoop(ctx, a.Poll, a.Runners, a.Next, logger(a.Log), "jobs: audit file")
}

// Next reads one pending file of any job; did is false when there was none.
func (a *AuditFiles) Next(ctx context.Context) (did bool, err error) {
	f, ok, err := a.DB.ClaimAuditFile(ctx, a.DB.Now().Add(-claimFor))
	if err != nil || !ok {
		return false, err
	}
	data, err := a.Blobs.Get(ctx, f.BlobKey)
	if err != nil {
		return true, fmt.Errorf("jobs: audit file %d: %w", f.ID, err)
	}
	res, err := a.Reader.Report(ctx, f.Name, data)
	result, reason := "", ""
	switch {
	case errors.Is(err, errs.ErrConflict): // the sandbox is busy: try again later
		return false, a.DB.ReleaseAuditFile(ctx, f.ID)
	case ctx.Err() != nil:
		return true, ctx.Err()
	case err != nil:
		if reason = extract.LimitMessage(err); reason == "" {
			if reason = errs.Message(err); reason == "" {
				reason = NotReport
			}
		}
		logger(a.Log).InfoContext(ctx, "jobs: report not read", "job", f.JobID, "name", f.Name, "err", err)
	default:
		res.File = f.Name
		b, err := json.Marshal(res)
		if err != nil {
			return true, fmt.Errorf("jobs: audit file %d: %w", f.ID, err)
		}
		result = string(b)
	}
	return true, a.DB.SaveAuditFile(ctx, f.ID, result, reason)
}
