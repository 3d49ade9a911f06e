package sandbox_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/extract"
	"github.com/gongkai/gongkai/internal/hostile"
	"github.com/gongkai/gongkai/internal/sandbox"
	"github.com/gongkai/gongkai/internal/sandbox/sandboxtest"
)

func TestMain(m *testing.M) {
	if hog := os.Getenv("GONGKAI_SANDBOX_HOG"); hog != "" {
		runHog(hog, os.Args)
	}
	sandboxtest.Main(m)
}

// runHog is a child that confines itself as Serve does, then does what no
// reader budget stops: takes memory, spins or sleeps, so that the limits
// the kernel and the parent enforce are tested by themselves.
func runHog(hog string, args []string) {
	memory, cpu := sandbox.DefaultLimits().Memory, sandbox.DefaultLimits().CPU
	for i := 0; i+1 < len(args); i++ {
		switch args[i] {
		case "--memory":
			memory, _ = strconv.ParseInt(args[i+1], 10, 64)
		case "--cpu":
			cpu, _ = time.ParseDuration(args[i+1])
		}
	}
	if err := sandbox.Confine(memory, max(cpu, time.Second)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	var keep [][]byte
	switch hog {
	case "memory":
		for {
			b := make([]byte, 16<<20)
			for i := range b {
				b[i] = 1
			}
			keep = append(keep, b)
		}
	case "cpu":
		for x := 0; ; x++ {
			keep = keep[:0]
		}
	case "sleep":
		time.Sleep(time.Hour)
	}
	os.Exit(4)
}

// TestChildLimits checks each limit a child runs under, with children that
// no reader budget would stop: the address space (RLIMIT_AS), the CPU time
// (RLIMIT_CPU) and the wall-clock timeout, each reported as a limit.
func TestChildLimits(t *testing.T) {
	tests := []struct {
		hog  string
		lim  sandbox.Limits
		want string
	}{
		{"memory", sandbox.Limits{Memory: 128 << 20}, "内存超过 128 MB"},
		{"cpu", sandbox.Limits{CPU: time.Second, Wall: time.Minute}, "CPU 时间超过 1s"},
		{"sleep", sandbox.Limits{Wall: time.Second}, "用时超过 1s"},
	}
	for _, tt := range tests {
		t.Run(tt.hog, func(t *testing.T) {
			t.Parallel()
			cfg := sandboxtest.Config(tt.lim)
			cfg.Env = append(cfg.Env, "GONGKAI_SANDBOX_HOG="+tt.hog)
			_, use, err := sandbox.New(cfg).Run(context.Background(), sandbox.OpAttachment, "a.txt", []byte("x"))
			if !errors.Is(err, extract.ErrLimit) || !strings.Contains(extract.LimitMessage(err), tt.want) {
				t.Fatalf("err = %v, want a limit saying %q", err, tt.want)
			}
			if tt.hog == "memory" && use.MaxRSS > 200<<20 {
				t.Errorf("peak memory %d MB under a 128 MB limit", use.MaxRSS>>20)
			}
			t.Logf("%s: %s; peak %d MB, CPU %v, wall %v", tt.hog, extract.LimitMessage(err), use.MaxRSS>>20, use.CPU, use.Wall)
		})
	}
}

// peakLimit is the most memory a child reading a hostile file may show at
// its peak: each is refused by a reader's budget far below the 512 MB the
// child may take (the largest, a zip bomb of a DOCX, peaks near 80 MB).
const peakLimit = 200 << 20

// TestCorpus feeds every hostile document to a child, as an attachment and
// (for all but workbooks) as a report, and checks that each is refused as a
// limit, with the limit named, while the child stays under its memory.
func TestCorpus(t *testing.T) {
	p := sandboxtest.Pool(sandbox.Limits{})
	for _, f := range hostile.Corpus() {
		data, err := os.ReadFile(filepath.Join("..", "hostile", "testdata", f.Name))
		if err != nil {
			t.Fatal(err)
		}
		ops := []sandbox.Op{sandbox.OpAttachment}
		if !f.Sheet {
			ops = append(ops, sandbox.OpReport)
		}
		for _, op := range ops {
			t.Run(string(op)+"/"+f.Name, func(t *testing.T) {
				t.Parallel()
				_, use, err := p.Run(context.Background(), op, f.Name, data)
				if !errors.Is(err, extract.ErrLimit) {
					t.Fatalf("%s (%s): err = %v, want a limit", f.Name, f.What, err)
				}
				if msg := extract.LimitMessage(err); !strings.HasPrefix(msg, "文件过大或结构异常，未能读取：") || len(msg) <= len("文件过大或结构异常，未能读取：") {
					t.Errorf("message %q does not name the limit", msg)
				}
				if use.MaxRSS == 0 || use.MaxRSS > peakLimit {
					t.Errorf("peak memory %d MB, want above 0 and at most %d MB", use.MaxRSS>>20, peakLimit>>20)
				}
				t.Logf("%s: %v; peak %d MB, CPU %v, wall %v", f.Name, extract.LimitMessage(err), use.MaxRSS>>20, use.CPU, use.Wall.Round(time.Millisecond))
			})
		}
	}
}

// TestReadsDocuments checks that a child reads ordinary documents and
// returns their text and reports whole.
func TestReadsDocuments(t *testing.T) {
	p := sandboxtest.Pool(sandbox.Limits{})
	text, err := p.Attachment(context.Background(), "说明.txt", []byte("政府信息公开指南"))
	if err != nil || !strings.Contains(text, "政府信息公开指南") {
		t.Fatalf("attachment = %q, %v", text, err)
	}
	data, err := os.ReadFile(filepath.Join("..", "extract", "testdata", "extract_huaian_2024_libreoffice.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Report(context.Background(), "淮安市人民政府_2024.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if res.Year != 2024 || res.Report == nil || res.Agency == "" {
		t.Errorf("report read as %q %d, report %v", res.Agency, res.Year, res.Report != nil)
	}
	if err := p.Check(context.Background()); err != nil {
		t.Error(err)
	}
	if _, err := p.Report(context.Background(), "a.txt", []byte("\n \n")); err == nil || errors.Is(err, extract.ErrLimit) {
		t.Errorf("an unreadable file: err = %v, want a reading error that is not a limit", err)
	}
}

// TestBusy checks that requests past the workers and the queue are
// refused at once rather than piling up: with one worker and one place in
// the queue, four of six requests made together are refused, while the
// first two wait for children that sleep until their timeout.
func TestBusy(t *testing.T) {
	cfg := sandboxtest.Config(sandbox.Limits{Wall: 2 * time.Second})
	cfg.Workers, cfg.Queue = 1, 1
	cfg.Env = append(cfg.Env, "GONGKAI_SANDBOX_HOG=sleep")
	p := sandbox.New(cfg)
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := p.Run(context.Background(), sandbox.OpAttachment, "t.txt", []byte("x"))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	busy, limited := 0, 0
	for err := range errs {
		switch {
		case errors.Is(err, sandbox.ErrBusy):
			busy++
		case errors.Is(err, extract.ErrLimit):
			limited++
		default:
			t.Errorf("unexpected result %v", err)
		}
	}
	if busy != 4 || limited != 2 {
		t.Errorf("%d refused as busy and %d timed out, want 4 and 2", busy, limited)
	}
}
