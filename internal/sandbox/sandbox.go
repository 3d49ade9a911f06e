// Package sandbox reads untrusted documents in child processes of the same
// binary, each under limits of memory, CPU time and wall-clock time, so that
// a hostile file (a PDF whose stream inflates to gigabytes, a spreadsheet
// padded to millions of cells) costs at most its limits and never the
// server. A Pool bounds how many children run at once and how many requests
// may wait for one.
//
// The child is `gongkai extract` (Serve): it sets its own limits before it
// reads a byte, reads the document from stdin and writes one JSON Response
// on stdout.
package sandbox

import (
	"fmt"
	"runtime"
	"time"

	"github.com/gongkai/gongkai/internal/audit"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/extract"
)

// Op names what a child does with a document.
type Op string

const (
	// OpAttachment extracts a catalog attachment's text (extract.Attachment).
	OpAttachment Op = "attachment"
	// OpReport reads a published annual report (extract.Document, then
	// audit.ReadText).
	OpReport Op = "report"
	// OpSheet reads the rows of a workbook's first sheet, for an import
	// (extract.FirstSheet, at most MaxSheetRows rows).
	OpSheet Op = "sheet"
)

// MaxSheetRows is the most rows OpSheet returns; a longer sheet is
// refused with extract.ErrTooManyRows.
const MaxSheetRows = 20_001

// Limits bound one child.
type Limits struct {
	// Memory is the address space the child may add to what it had when
	// it started (RLIMIT_AS), in bytes; the Go heap is also held under it.
	Memory int64
	// CPU is the processor time the child may use (RLIMIT_CPU), at least
	// one second.
	CPU time.Duration
	// Wall is how long the parent waits before it kills the child.
	Wall time.Duration
}

// DefaultLimits returns the limits of a child: generous for every
// published report and attachment (the largest fixture reads in 0.3 s and
// 60 MB) and small next to the server.
func DefaultLimits() Limits {
	return Limits{Memory: 512 << 20, CPU: 20 * time.Second, Wall: 30 * time.Second}
}

// MaxInput is the largest document a child reads.
const MaxInput = 64 << 20

// DefaultWorkers is the number of children run at once: one per core, at
// most two, so extraction never takes every core from the portal.
func DefaultWorkers() int { return max(1, min(runtime.NumCPU(), 2)) }

// DefaultQueue is how many requests may wait for a free worker.
const DefaultQueue = 16

// ErrBusy is returned when every worker is busy and the queue is full.
var ErrBusy = errs.Conflict("文件读取任务过多，请稍后再试")

// Response is what a child writes on stdout.
type Response struct {
	// Text is the extracted text (OpAttachment).
	Text string `json:"text,omitempty"`
	// Result is the report read (OpReport).
	Result *audit.Result `json:"result,omitempty"`
	// Rows are the cells of the first sheet (OpSheet).
	Rows [][]string `json:"rows,omitempty"`
	// TooManyRows is set when the sheet has more than MaxSheetRows rows.
	TooManyRows bool `json:"too_many_rows,omitempty"`
	// Error is the reason the document could not be read, in Chinese.
	Error string `json:"error,omitempty"`
	// Limit is set when the reason is a reader's budget (extract.LimitError).
	Limit string `json:"limit,omitempty"`
	// PeakRSS is the child's own peak resident memory, in bytes.
	PeakRSS int64 `json:"peak_rss,omitempty"`
}

// Usage is what one child used, as the kernel counted it.
type Usage struct {
	// MaxRSS is the child's peak resident memory, in bytes: as the child
	// measured it when it could answer, else the kernel's rusage, which on
	// Linux is at least the parent's own peak.
	MaxRSS int64
	// CPU is the user and system time the child used.
	CPU time.Duration
	// Wall is how long the child ran.
	Wall time.Duration
}

// ReadError is a document a child could not read for a reason other than
// a limit (those are *extract.LimitError): a broken or unsupported file.
// Its reason is for the log; the user gets a general message.
type ReadError struct {
	Reason string
}

func (e *ReadError) Error() string { return e.Reason }

// limitError is a LimitError for a limit the parent enforced.
func limitError(format string, args ...any) error {
	return &extract.LimitError{What: fmt.Sprintf(format, args...)}
}
