package audit

import (
	"bytes"
	"sync"
	"testing"
)

func TestProgressPlainWriter(t *testing.T) {
	var buf bytes.Buffer
	p := NewProgress(&buf, 10)
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
