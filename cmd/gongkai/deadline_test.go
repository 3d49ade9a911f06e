package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cmdEnv{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code = run(context.Background(), env, args)
	return code, out.String(), errb.String()
}

func TestDeadline(t *testing.T) {
	t.Parallel()
	extra := filepath.Join(t.TempDir(), "2028.json")
	err := os.WriteFile(extra, []byte(`{"year":2028,"papers":[],"days":[
		{"name":"元旦","date":"2028-01-01","isOffDay":true},
		{"name":"春节","date":"2028-01-26","isOffDay":true}]}`), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		code    int
		stdout  string
		inErr   string // expected in stderr
		noWarns bool
	}{
		{"default 20 days over 国庆 2020", []string{"--received", "2020-09-25"}, 0, "2020-10-29\n", "", true},
		{"--days", []string{"--received=2020-09-25", "--days", "1"}, 0, "2020-09-27\n", "", true},
		{"one pause", []string{"--received", "2020-09-25", "--pause", "2020-09-28:2020-09-30"}, 0, "2020-11-03\n", "", true},
		{"two pauses", []string{"--received", "2020-09-25", "--pause", "2020-10-01:2020-10-08", "--pause", "2020-10-19:2020-10-23"}, 0, "2020-11-05\n", "", true},
		{"春节 2026", []string{"--received", "2026-02-06"}, 0, "2026-03-12\n", "", true},
		{"year without data warns", []string{"--received", "2028-01-03"}, 0, "2028-01-31\n", "警告: 2028 年没有官方节假日安排数据", false},
		{"loaded schedule removes the warning", []string{"--received", "2028-01-03", "--holidays", extra}, 0, "2028-02-01\n", "", true},
		{"missing --received", []string{"--days", "5"}, 2, "", "缺少 --received", false},
		{"bad date", []string{"--received", "2025-02-29"}, 2, "", `日期 "2025-02-29" 无效`, false},
		{"bad days", []string{"--received", "2025-02-01", "--days", "0"}, 2, "", "--days 应为 1 到 1000 之间的整数", false},
		{"non-numeric days", []string{"--received", "2025-02-01", "--days", "x"}, 2, "", "参数无法解析", false},
		{"bad pause", []string{"--received", "2025-02-01", "--pause", "2025-03-05:2025-03-01"}, 2, "", "结束日期早于开始日期", false},
		{"unknown flag", []string{"--received", "2025-02-01", "--foo"}, 2, "", "参数无法解析", false},
		{"stray argument", []string{"--received", "2025-02-01", "extra"}, 2, "", "多余的参数", false},
		{"bad holidays file", []string{"--received", "2025-02-01", "--holidays", filepath.Join(t.TempDir(), "none.json")}, 2, "", "无法打开", false},
		{"help", []string{"-h"}, 0, "", "用法: gongkai deadline", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, append([]string{"deadline"}, tt.args...)...)
			if code != tt.code || stdout != tt.stdout {
				t.Errorf("exit %d, stdout %q; want %d, %q (stderr %q)", code, stdout, tt.code, tt.stdout, stderr)
			}
			if tt.inErr != "" && !strings.Contains(stderr, tt.inErr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.inErr)
			}
			if tt.noWarns && stderr != "" {
				t.Errorf("unexpected stderr %q", stderr)
			}
		})
	}
}
