package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// extractChild lets this test binary act as the sandbox child: commands
// run in-process by the tests (audit, serve) start os.Executable() — this
// binary — with the `extract` command, as the real binary does. TestMain
// calls it first.
func extractChild() {
	if len(os.Args) > 1 && os.Args[1] == "extract" {
		env := &cmdEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
		os.Exit(run(context.Background(), env, os.Args[1:]))
	}
}

// TestAuditHostileCorpus runs `gongkai audit --json` over the hostile
// corpus together with a real report: every hostile file is named on
// stderr with the limit it went over, the real report is still read and
// printed, and the exit status is 1.
func TestAuditHostileCorpus(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join("..", "..", "internal", "hostile", "testdata")
	entries, err := os.ReadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	copyFile := func(from, to string) {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var reports []string
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext != ".xlsx" {
			copyFile(filepath.Join(corpus, e.Name()), filepath.Join(dir, e.Name()))
			reports = append(reports, e.Name())
		}
	}
	copyFile(filepath.Join(auditData, "read_huaian_2024.txt"), filepath.Join(dir, "淮安市人民政府_2024.txt"))
	code, stdout, stderr := runCmd(t, "audit", "--json", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	for _, name := range reports {
		if !strings.Contains(stderr, name) || !regexp.MustCompile(regexp.QuoteMeta(name)+`.*文件过大或结构异常，未能读取：\S`).MatchString(stderr) {
			t.Errorf("stderr does not name %s with its limit:\n%s", name, stderr)
		}
	}
	var results []struct{ File string }
	if err := json.Unmarshal([]byte(stdout), &results); err != nil {
		t.Fatalf("stdout is not the JSON array: %v\n%s", err, stdout)
	}
	if len(results) != 1 || !strings.HasSuffix(results[0].File, "淮安市人民政府_2024.txt") {
		t.Errorf("results %+v, want the one real report", results)
	}
}
