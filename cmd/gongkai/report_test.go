package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportCommand builds the demo bureau's reports from its records and
// writes them in every format.
func TestReportCommand(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data")
	if code, _, errOut := runStdin(t, "", "demo", "--data", dir); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	code, out, errOut := runStdin(t, "", "report", "--data", dir, "--agency", "长治市行政审批服务管理局", "--year", "2020", "--format", "json")
	if code != 0 {
		t.Fatalf("report: code %d, %s", code, errOut)
	}
	// Built from records — the two demo applications, the demo catalog, the
	// entered figures, no reviews or lawsuits — it equals docs/report-model.md's
	// worked example byte for byte.
	want, err := os.ReadFile("testdata/report_seed2020.json")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("2020 report differs from the worked example:\n%s", out)
	}

	// 2021: the review and the lawsuit filed in 2021 (decided in 2022: pending).
	_, out, _ = runStdin(t, "", "report", "--data", dir, "--agency", "0142768-8", "--year", "2021")
	if !strings.Contains(out, `"format": "2021"`) || !strings.Contains(out, `"litigation_direct": {
      "upheld": 0,
      "corrected": 0,
      "other": 0,
      "pending": 1,
      "total": 1`) {
		t.Errorf("2021 report:\n%s", out)
	}

	magic := map[string]string{"pdf": "%PDF-", "docx": "PK", "xlsx": "PK", "html": "<!doctype html>"}
	for format, prefix := range magic {
		file := filepath.Join(t.TempDir(), "r."+format)
		code, _, errOut := runStdin(t, "", "report", "--data", dir, "--agency", "长治市行政审批服务管理局", "--year", "2020", "--format", format, "-o", file)
		if code != 0 {
			t.Fatalf("%s: %s", format, errOut)
		}
		b, err := os.ReadFile(file)
		if err != nil || !strings.HasPrefix(strings.ToLower(string(b)), strings.ToLower(prefix)) {
			t.Errorf("%s output starts %q, %v", format, b[:min(len(b), 16)], err)
		}
	}

	bad := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report", "--data", dir, "--year", "2020"}, 2, "--agency"},
		{[]string{"report", "--data", dir, "--agency", "x", "--year", "20"}, 2, "--year"},
		{[]string{"report", "--data", dir, "--agency", "x", "--year", "2020", "--format", "odt"}, 2, "--format"},
		{[]string{"report", "--data", dir, "--agency", "无此机关", "--year", "2020"}, 1, "找不到机关"},
	}
	for _, b := range bad {
		code, _, errOut := runStdin(t, "", b.args...)
		if code != b.code || !strings.Contains(errOut, b.want) {
			t.Errorf("%v: code %d, stderr %q; want %d with %q", b.args, code, errOut, b.code, b.want)
		}
	}
}
