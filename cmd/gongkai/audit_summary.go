package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/gongkai/gongkai/internal/audit"
)

// Names of the summary files that --summary writes.
const (
	summaryHTMLName = "summary.html"
	summaryXLSXName = "summary.xlsx"
)

// progress counts the files read in a batch.
type progress interface {
	Add(n int)
	Finish()
}

// silentProgress is the progress of a run without --summary: nothing shown.
type silentProgress struct{}

func (silentProgress) Add(int) {}
func (silentProgress) Finish() {}

// newAuditProgress returns an auditBar on w when shown is true.
func newAuditProgress(w io.Writer, total int, shown bool) progress {
	if !shown {
		return silentProgress{}
	}
	return newAuditBar(w, total)
}

// writeSummaries writes summary.html and summary.xlsx into dir, creating it.
func writeSummaries(dir string, results []*audit.Result) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("audit: --summary: 无法创建目录 %s: %w", dir, err)
	}
	writers := []struct {
		name  string
		write func(io.Writer, []*audit.Result) error
	}{
		{summaryHTMLName, audit.WriteSummaryHTML},
		{summaryXLSXName, func(w io.Writer, rs []*audit.Result) error { return writeSummaryXLSX(w, audit.Summarize(rs)) }},
	}
	for _, wr := range writers {
		if err := writeSummaryFile(filepath.Join(dir, wr.name), results, wr.write); err != nil {
			return err
		}
	}
	return nil
}

// writeSummaryFile writes one summary file, closing it before reporting.
func writeSummaryFile(path string, results []*audit.Result, write func(io.Writer, []*audit.Result) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("audit: --summary: %w", err)
	}
	if err := write(f, results); err != nil {
		f.Close()
		return fmt.Errorf("audit: --summary: %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("audit: --summary: %s: %w", path, err)
	}
	return nil
}
