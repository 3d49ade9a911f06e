package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// auditData is the reader's test documents.
const auditData = "../../internal/audit/testdata"

func TestAuditCommand(t *testing.T) {
	t.Parallel()
	seed := filepath.Join(auditData, "read_seed_changzhi_2020.txt")
	dir := t.TempDir()
	copyFile(t, seed, filepath.Join(dir, "a.txt"))
	copyFile(t, filepath.Join(auditData, "read_format2021_in_2020.txt"), filepath.Join(dir, "sub", "b.txt"))
	if err := os.WriteFile(filepath.Join(dir, "notes.md"), []byte("不是报告"), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "scan.pdf")
	if err := os.WriteFile(bad, []byte("not a pdf"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		args         []string
		code         int
		inOut, inErr string
		jsonFiles    []string
	}{
		{"text summary", []string{seed}, 0, "机关：长治市行政审批服务管理局　年度：2020", "", nil},
		{"no problem line", []string{seed}, 0, "未发现问题。", "", nil},
		{"json", []string{"--json", seed}, 0, `"agency": "长治市行政审批服务管理局"`, "", []string{seed}},
		{"directory batch", []string{"--json", dir}, 0, "", "", []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "sub", "b.txt")}},
		{"batch count", []string{dir}, 0, "共审核 2 份报告，其中 1 份有错误。", "", nil},
		{"finding printed", []string{dir}, 0, "[错误] format.mismatch：报告年度为 2020 年", "", nil},
		{"unreadable file goes on", []string{"--json", bad, seed}, 1, `"year": 2020`, "1 个文件无法读取", []string{seed}},
		{"no arguments", nil, 2, "", "缺少要审核的文件或目录", nil},
		{"missing file", []string{filepath.Join(dir, "none.txt")}, 2, "", "无法打开", nil},
		{"unknown flag", []string{"--foo", seed}, 2, "", "参数无法解析", nil},
		{"help", []string{"-h"}, 0, "", "用法: gongkai audit", nil},
		{"unread figures noted", []string{filepath.Join(auditData, "read_huaian_2024_raw.txt")}, 0, "行政复议 0 件，行政诉讼 0 件，信息处理费 3940 元（部分数字未能读出，见下方问题）", "", nil},
		{"summary with progress", []string{"--summary", filepath.Join(dir, "out"), dir}, 0, "共审核 2 份报告", "已审核 2/2 份报告", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, append([]string{"audit"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stdout, tt.inOut) || !strings.Contains(stderr, tt.inErr) {
				t.Errorf("stdout %q lacks %q or stderr %q lacks %q", stdout, tt.inOut, stderr, tt.inErr)
			}
			if tt.jsonFiles == nil {
				return
			}
			var got []struct {
				File     string          `json:"file"`
				Report   json.RawMessage `json:"report"`
				Findings []struct {
					Rule string `json:"rule"`
				} `json:"findings"`
			}
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatalf("stdout is not one JSON array: %v\n%s", err, stdout)
			}
			if len(got) != len(tt.jsonFiles) {
				t.Fatalf("got %d results, want %d", len(got), len(tt.jsonFiles))
			}
			for i, f := range tt.jsonFiles {
				if got[i].File != f || len(got[i].Report) == 0 || got[i].Findings == nil {
					t.Errorf("result %d = %s (report %d bytes, findings %v), want %s", i, got[i].File, len(got[i].Report), got[i].Findings, f)
				}
			}
		})
	}
}

func TestAuditSummaryFiles(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "summary")
	code, _, stderr := runCmd(t, "audit", "--summary", out, filepath.Join(auditData, "read_format2021_in_2020.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	html, err := os.ReadFile(filepath.Join(out, "summary.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "某市生态环境局") || !strings.Contains(string(html), "format.mismatch") {
		t.Errorf("summary.html lacks the agency or its finding")
	}
	xlsx, err := os.ReadFile(filepath.Join(out, "summary.xlsx"))
	if err != nil || !strings.HasPrefix(string(xlsx), "PK") {
		t.Errorf("summary.xlsx is not a workbook: %v", err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestAuditSummaryListsUnreadableFiles keeps a file that cannot be read in
// the batch summary, with the reason, beside the files that could.
func TestAuditSummaryListsUnreadableFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyFile(t, filepath.Join(auditData, "read_seed_changzhi_2020.txt"), filepath.Join(dir, "seed.txt"))
	if err := os.WriteFile(filepath.Join(dir, "scan.pdf"), []byte("%PDF-1.4 no text here"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "summary")
	code, _, stderr := runCmd(t, "audit", "--summary", out, dir)
	if code != 1 || !strings.Contains(stderr, "scan.pdf") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	html, err := os.ReadFile(filepath.Join(out, "summary.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"scan.pdf", "read.failed", "无法读取", "长治市行政审批服务管理局"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("summary.html lacks %q", want)
		}
	}
}
