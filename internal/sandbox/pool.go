package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/gongkai/gongkai/internal/audit"
	"github.com/gongkai/gongkai/internal/extract"
)

// maxOutput bounds what the parent reads of a child's stdout: the text
// budget of the readers, escaped as JSON, with room to spare.
const maxOutput = 48 << 20

// Config sets up a Pool.
type Config struct {
	// Command runs a child: the program and its first arguments, to which
	// the Pool appends --op, --name, --memory and --cpu; for gongkai,
	// [os.Executable(), "extract"].
	Command []string
	// Env is added to the child's environment (tests use it to make a
	// test binary act as the child).
	Env []string
	// Workers is how many children run at once (default DefaultWorkers).
	Workers int
	// Queue is how many requests may wait for a worker (default
	// DefaultQueue); more are refused with ErrBusy.
	Queue int
	// Limits bound each child (zero fields: those of DefaultLimits).
	Limits Limits
	// Log receives a line per child that hit a limit or failed.
	Log *slog.Logger
}

// Pool runs children within its bounds. It is safe for concurrent use.
type Pool struct {
	cfg     Config
	slots   chan struct{} // one per running child
	waiting chan struct{} // one per request running or waiting
}

// New returns a Pool.
func New(cfg Config) *Pool {
	if cfg.Workers <= 0 {
		cfg.Workers = DefaultWorkers()
	}
	if cfg.Queue <= 0 {
		cfg.Queue = DefaultQueue
	}
	if cfg.Limits.Memory <= 0 {
		cfg.Limits.Memory = DefaultLimits().Memory
	}
	if cfg.Limits.CPU <= 0 {
		cfg.Limits.CPU = DefaultLimits().CPU
	}
	if cfg.Limits.Wall <= 0 {
		cfg.Limits.Wall = DefaultLimits().Wall
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	return &Pool{cfg: cfg, slots: make(chan struct{}, cfg.Workers), waiting: make(chan struct{}, cfg.Workers+cfg.Queue)}
}

// Limits returns the limits each child runs under.
func (p *Pool) Limits() Limits { return p.cfg.Limits }

// Attachment extracts the text of a catalog attachment in a child.
func (p *Pool) Attachment(ctx context.Context, name string, data []byte) (string, error) {
	resp, _, err := p.Run(ctx, OpAttachment, name, data)
	if err != nil {
		return "", err
	}
	return resp.Text, nil
}

// Report reads a published annual report in a child.
func (p *Pool) Report(ctx context.Context, name string, data []byte) (*audit.Result, error) {
	resp, _, err := p.Run(ctx, OpReport, name, data)
	if err != nil {
		return nil, err
	}
	if resp.Result == nil {
		return nil, fmt.Errorf("sandbox: report %s: the child returned no result", name)
	}
	return resp.Result, nil
}

// Sheet reads the rows of a workbook's first sheet in a child; a sheet of
// more than MaxSheetRows rows is extract.ErrTooManyRows.
func (p *Pool) Sheet(ctx context.Context, name string, data []byte) ([][]string, error) {
	resp, _, err := p.Run(ctx, OpSheet, name, data)
	if err != nil {
		return nil, err
	}
	if resp.TooManyRows {
		return nil, extract.ErrTooManyRows
	}
	return resp.Rows, nil
}

// Run reads one document in a child and returns its response and what the
// child used. A document over a reader's budget or a limit of the child is
// an *extract.LimitError; one that could not be read otherwise, a
// *ReadError.
func (p *Pool) Run(ctx context.Context, op Op, name string, data []byte) (*Response, Usage, error) {
	select {
	case p.waiting <- struct{}{}:
	default:
		return nil, Usage{}, ErrBusy
	}
	defer func() { <-p.waiting }()
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, Usage{}, fmt.Errorf("sandbox: wait for a worker: %w", ctx.Err())
	}
	defer func() { <-p.slots }()
	resp, use, err := p.child(ctx, op, name, data)
	if err != nil {
		p.cfg.Log.WarnContext(ctx, "sandbox: document not read", "op", op, "name", name, "size", len(data),
			"rss_mb", use.MaxRSS>>20, "cpu", use.CPU, "wall", use.Wall, "err", err)
	}
	return resp, use, err
}

// child runs one child process and interprets how it ended.
func (p *Pool) child(ctx context.Context, op Op, name string, data []byte) (*Response, Usage, error) {
	lim := p.cfg.Limits
	wctx, cancel := context.WithTimeout(ctx, lim.Wall)
	defer cancel()
	args := append(p.cfg.Command[1:len(p.cfg.Command):len(p.cfg.Command)], "--op", string(op), "--name", name,
		"--memory", strconv.FormatInt(lim.Memory, 10), "--cpu", lim.CPU.String())
	cmd := exec.CommandContext(wctx, p.cfg.Command[0], args...)
	cmd.Env = append(childEnv(os.Environ()), p.cfg.Env...)
	cmd.Stdin = bytes.NewReader(data)
	stdout := &capped{max: maxOutput}
	stderr := &capped{max: 8 << 10, keepTail: true}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = 2 * time.Second
	start := time.Now()
	runErr := cmd.Run()
	use := Usage{Wall: time.Since(start)}
	if ps := cmd.ProcessState; ps != nil {
		use.CPU = ps.UserTime() + ps.SystemTime()
		use.MaxRSS = maxRSS(ps)
	}
	switch {
	case ctx.Err() != nil:
		return nil, use, fmt.Errorf("sandbox: %s: %w", name, ctx.Err())
	case wctx.Err() != nil:
		return nil, use, limitError("读取用时超过 %s", lim.Wall)
	case runErr != nil && use.CPU >= lim.CPU:
		return nil, use, limitError("读取占用 CPU 时间超过 %s", lim.CPU)
	case runErr != nil && outOfMemory(stderr.String()):
		return nil, use, limitError("读取所需内存超过 %d MB", lim.Memory>>20)
	case stdout.over:
		return nil, use, limitError("读取结果超过 %d MB", maxOutput>>20)
	case runErr != nil:
		return nil, use, fmt.Errorf("sandbox: %s: child failed: %w: %s", name, runErr, strings.TrimSpace(stderr.String()))
	}
	var resp Response
	if err := json.Unmarshal(stdout.buf.Bytes(), &resp); err != nil {
		return nil, use, fmt.Errorf("sandbox: %s: decode the child's result: %w", name, err)
	}
	if resp.PeakRSS > 0 {
		use.MaxRSS = resp.PeakRSS
	}
	switch {
	case resp.Limit != "":
		return nil, use, &extract.LimitError{What: resp.Limit}
	case resp.Error != "":
		return nil, use, &ReadError{Reason: resp.Error}
	}
	return &resp, use, nil
}

// childEnv is the server's environment for a child, without the settings
// that tune the server's own runtime: a child runs on one core with Go's
// default collector.
func childEnv(env []string) []string {
	out := make([]string, 0, len(env)+2)
	for _, e := range env {
		if !strings.HasPrefix(e, "GOGC=") && !strings.HasPrefix(e, "GOMEMLIMIT=") && !strings.HasPrefix(e, "GOMAXPROCS=") {
			out = append(out, e)
		}
	}
	return append(out, "GOMAXPROCS=1", "GOGC=100")
}

// outOfMemory reports whether a child's stderr shows that the Go runtime
// could not get memory under its address-space limit.
func outOfMemory(stderr string) bool {
	return strings.Contains(stderr, "out of memory") || strings.Contains(stderr, "cannot allocate memory")
}

// capped keeps at most max bytes written to it: the first ones, or with
// keepTail the last ones; over records that more came.
type capped struct {
	buf      bytes.Buffer
	max      int
	keepTail bool
	over     bool
}

func (c *capped) Write(p []byte) (int, error) {
	n := len(p)
	if c.buf.Len()+len(p) > c.max {
		c.over = true
		if !c.keepTail {
			p = p[:max(0, c.max-c.buf.Len())]
		} else {
			keep := append(c.buf.Bytes(), p...)
			keep = keep[max(0, len(keep)-c.max):]
			c.buf.Reset()
			p = keep
		}
	}
	c.buf.Write(p)
	return n, nil
}

func (c *capped) String() string { return c.buf.String() }

// errNoCommand is returned by Check for a Pool without a command.
var errNoCommand = errors.New("sandbox: no child command")

// Check reports whether the Pool can start a child, by reading a small
// text document; serve runs it at start so that a broken setup shows at
// once rather than on the first upload.
func (p *Pool) Check(ctx context.Context) error {
	if len(p.cfg.Command) == 0 {
		return errNoCommand
	}
	text, err := p.Attachment(ctx, "check.txt", []byte("检查"))
	if err != nil {
		return fmt.Errorf("sandbox: check: %w", err)
	}
	if !strings.Contains(text, "检查") {
		return fmt.Errorf("sandbox: check: the child returned %q", text)
	}
	return nil
}
