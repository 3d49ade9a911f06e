package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

func TestAuditBarPlainWriter(t *testing.T) {
	var buf bytes.Buffer
	p := newAuditBar(&buf, 10)
	var wg sync.WaitGroup
	for range 7 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.Add(1)
		}()
	}
	wg.Wait()
	if buf.Len() != 0 {
		t.Errorf("progress drew %q on a non-terminal before Finish", buf.String())
	}
	p.Finish()
	if got, want := buf.String(), "已审核 7/10 份报告\n"; got != want {
		t.Errorf("Finish wrote %q, want %q", got, want)
	}
}

func TestAuditBarOnTerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newAuditBarOn(&buf, 10, true)
	p.Add(3)
	if got := buf.String(); !strings.Contains(got, "审核年度报告") || !strings.Contains(got, "3/10") {
		t.Errorf("the bar drew %q, want the description and 3/10", got)
	}
	p.Add(7)
	p.Finish()
	if got := buf.String(); !strings.HasSuffix(got, "已审核 10/10 份报告\n") {
		t.Errorf("Finish left %q, want the closing line last", got)
	}
}
