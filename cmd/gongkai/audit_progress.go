package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// auditBar shows how many of a batch of reports have been audited: a bar
// when it writes to a terminal, and a single closing line otherwise, so
// that logs and pipes are not filled with redraws. It is the command
// line's, not the audit's: internal/audit reads reports and knows nothing
// of terminals.
type auditBar struct {
	mu    sync.Mutex
	w     io.Writer
	bar   *progressbar.ProgressBar // nil when w is not a terminal
	done  int
	total int
}

// newAuditBar starts the progress of a batch of total reports written to w.
func newAuditBar(w io.Writer, total int) *auditBar {
	return newAuditBarOn(w, total, isTerminal(w))
}

// newAuditBarOn is newAuditBar with the terminal test done by the caller.
func newAuditBarOn(w io.Writer, total int, tty bool) *auditBar {
	p := &auditBar{w: w, total: total}
	if tty {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("审核年度报告"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetItsString("份"),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// Add records that n more reports are done. It is safe for concurrent use.
func (p *auditBar) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	if p.bar != nil {
		_ = p.bar.Add(n) // drawing errors must not stop the audit
	}
}

// Finish ends the bar and writes how many reports were audited.
func (p *auditBar) Finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
	}
	fmt.Fprintf(p.w, "已审核 %d/%d 份报告\n", p.done, p.total)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
