package audit

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/report"
)

// readSeeds are the reader's test documents, the fuzzer's starting points:
// the golden ones and the text layout fixtures.
func readSeeds(t testing.TB) []string {
	names, err := filepath.Glob(filepath.Join("testdata", "read_*.txt"))
	layouts, err2 := filepath.Glob(filepath.Join("testdata", "layout_*.txt"))
	if err != nil || err2 != nil || len(names) == 0 {
		t.Fatalf("no reader test documents: %v %v", err, err2)
	}
	names = append(names, layouts...)
	var out []string
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// FuzzReadText checks that no input crashes or hangs the reader and that
// every result keeps the canonical shape.
func FuzzReadText(f *testing.F) {
	for _, s := range readSeeds(f) {
		f.Add(s)
		f.Add(s[:len(s)/2])
	}
	f.Add("三、收到和处理政府信息公开申请情况\n（七）总计 1、2、3.4 ＋－—/ 1,000,000 99999999999999999999 l2 1O")
	f.Fuzz(func(t *testing.T, text string) {
		r, err := ReadText("fuzz.txt", text)
		if err != nil {
			if !errors.Is(err, ErrNoText) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if r.Report == nil || r.Findings == nil {
			t.Fatal("result without report or findings")
		}
		if r.Format != string(report.Format2019) && r.Format != string(report.Format2021) {
			t.Fatalf("format %q", r.Format)
		}
		l, _ := report.LayoutOf(report.Format(r.Format))
		if len(r.Report.Applications) != len(l.Applications) || len(r.Report.Proactive) != len(l.Proactive) {
			t.Fatalf("model lost its canonical rows: %d %d", len(r.Report.Applications), len(r.Report.Proactive))
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("result does not encode: %v", err)
		}
	})
}

// BenchmarkReadText measures reports read per second on the 2024 report of
// 淮安市人民政府 (11 KB of text, both formats' worth of rules).
func BenchmarkReadText(b *testing.B) {
	text := readFile(b, "read_huaian_2024.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadText("bench.txt", text); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}

// BenchmarkReadTextLarge reads a pathological 1 MB document, to show the
// reader stays linear.
func BenchmarkReadTextLarge(b *testing.B) {
	text := strings.Repeat(readFile(b, "read_seed_changzhi_2020.txt"), 60)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := ReadText("large.txt", text); err != nil {
			b.Fatal(err)
		}
	}
}
