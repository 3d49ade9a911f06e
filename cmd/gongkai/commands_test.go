package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// runStdin runs the binary's command line in-process with the given input.
func runStdin(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cmdEnv{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code = run(context.Background(), env, args)
	return code, out.String(), errb.String()
}

func TestDemoUserBackupAndAuditLog(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data")
	code, out, errOut := runStdin(t, "", "demo", "--data", dir)
	if code != 0 || !strings.Contains(out, "用户名 admin  密码 ") {
		t.Fatalf("demo: code %d, out %q, err %q", code, out, errOut)
	}
	if code, _, _ := runStdin(t, "", "demo", "--data", dir); code == 0 {
		t.Fatal("demo wrote into a database that already has agencies")
	}

	steps := []struct {
		args  []string
		stdin string
		code  int
		want  string
	}{
		{[]string{"user", "add", "--username", "wangwu", "--name", "王五", "--password-stdin"}, "a long enough password\n", 0, "已创建用户 wangwu"},
		{[]string{"user", "add", "--username", "wangwu", "--password-stdin"}, "a long enough password\n", 1, "已被使用"},
		{[]string{"user", "add", "--username", "short", "--password-stdin"}, "short\n", 1, "密码至少"},
		{[]string{"user", "grant", "--username", "wangwu", "--role", "editor", "--agency", "0142768-8"}, "", 0, "已授予"},
		{[]string{"user", "grant", "--username", "wangwu", "--role", "editor", "--agency", "无此机关"}, "", 1, "找不到机关"},
		{[]string{"user", "grant", "--username", "wangwu", "--role", "king", "--agency", "0142768-8"}, "", 1, "未知角色"},
		{[]string{"user", "revoke", "--username", "wangwu", "--role", "editor", "--agency", "长治市行政审批服务管理局"}, "", 0, "已撤销"},
		{[]string{"user", "passwd", "--username", "wangwu", "--password-stdin"}, "another long password\n", 0, "已重设"},
		{[]string{"user", "unlock", "--username", "wangwu"}, "", 0, "已解除 wangwu 的登录锁定"},
		{[]string{"user", "unlock", "--username", "nobody"}, "", 1, "不存在"},
		{[]string{"user", "token", "--username", "wangwu", "--name", "统计"}, "", 0, "gka_"},
		{[]string{"user", "list"}, "", 0, "wangwu"},
		{[]string{"user"}, "", 2, "用法"},
		{[]string{"user", "add"}, "", 2, "--username"},
		{[]string{"audit-log", "verify", "--data", dir}, "", 0, "操作日志完好"},
		{[]string{"backup", "--data", dir, "-o", filepath.Join(dir, "copy.db")}, "", 0, "已备份"},
		{[]string{"backup", "--data", dir, "-o", filepath.Join(dir, "copy.db")}, "", 1, "不会覆盖"},
		{[]string{"backup", "--data", dir}, "", 2, "-o"},
		{[]string{"nonsense"}, "", 2, "未知命令"},
	}
	for _, s := range steps {
		args := s.args
		if len(args) >= 2 && args[0] == "user" {
			args = append(args, "--data", dir)
		}
		code, out, errOut := runStdin(t, s.stdin, args...)
		if code != s.code || !strings.Contains(out+errOut, s.want) {
			t.Errorf("%v: code %d (want %d), output %q %q, want it to contain %q", s.args, code, s.code, out, errOut, s.want)
		}
	}

	// The backup is a working database with the same users.
	copyDir := filepath.Join(t.TempDir(), "restored")
	if err := os.MkdirAll(copyDir, 0o750); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "copy.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(copyDir, "gongkai.db"), b, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runStdin(t, "", "user", "list", "--data", copyDir); code != 0 || !strings.Contains(out, "wangwu") {
		t.Fatalf("restored backup: code %d, users %q", code, out)
	}

	// Someone with direct access to the database alters an entry.
	db, err := sql.Open("sqlite", filepath.Join(dir, "gongkai.db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TRIGGER audit_log_no_update`, `UPDATE audit_log SET actor = 'someone-else' WHERE seq = 5`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	code, out, errOut = runStdin(t, "", "audit-log", "verify", "--data", dir)
	if code != 1 || !strings.Contains(out, "第 5 条") || !strings.Contains(errOut, "哈希链已被破坏") {
		t.Fatalf("tampered log: code %d, out %q, err %q", code, out, errOut)
	}
}

// TestHolidaysLoadedIntoTheDatabase loads a year the release does not know
// and finds `deadline` counting with it.
func TestHolidaysLoadedIntoTheDatabase(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data")
	file := filepath.Join(t.TempDir(), "2028.json")
	schedule := `{"year": 2028, "papers": [], "days": [{"name": "元旦", "date": "2028-01-03", "isOffDay": true}]}`
	if err := os.WriteFile(file, []byte(schedule), 0o600); err != nil {
		t.Fatal(err)
	}
	// 2027-12-31 (Fri) + 1 working day: 2028-01-03 (Mon) without a schedule,
	// 2028-01-04 once the loaded schedule makes the 3rd a holiday.
	code, out, errOut := runStdin(t, "", "deadline", "--received", "2027-12-31", "--days", "1", "--data", dir)
	if code != 0 || strings.TrimSpace(out) != "2028-01-03" || !strings.Contains(errOut, "警告") {
		t.Fatalf("before loading: code %d, out %q, err %q", code, out, errOut)
	}
	if code, out, errOut := runStdin(t, "", "holidays", "load", "--data", dir, file); code != 0 || !strings.Contains(out, "已载入 2028 年") {
		t.Fatalf("load: code %d, out %q, err %q", code, out, errOut)
	}
	code, out, errOut = runStdin(t, "", "deadline", "--received", "2027-12-31", "--days", "1", "--data", dir)
	if code != 0 || strings.TrimSpace(out) != "2028-01-04" || strings.Contains(errOut, "2028") {
		t.Fatalf("after loading: code %d, out %q, err %q", code, out, errOut)
	}
	if code, out, _ := runStdin(t, "", "holidays", "list", "--data", dir); code != 0 || !strings.Contains(out, "2028") || !strings.Contains(out, "cli 于") {
		t.Fatalf("list: code %d, out %q", code, out)
	}
	if code, _, errOut := runStdin(t, "", "holidays", "load", "--data", dir, filepath.Join(dir, "missing.json")); code != 1 || !strings.Contains(errOut, "无法打开") {
		t.Fatalf("missing file: code %d, err %q", code, errOut)
	}
}

// TestAuditLogAnchorCatchesTruncation deletes the newest audit entry, which
// leaves a valid chain, and finds it with the anchor printed before.
func TestAuditLogAnchorCatchesTruncation(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data")
	if code, _, errOut := runStdin(t, "", "demo", "--data", dir); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	code, out, _ := runStdin(t, "", "audit-log", "verify", "--data", dir)
	m := regexp.MustCompile(`当前末尾锚点：(\d+:[0-9a-f]{64})`).FindStringSubmatch(out)
	if code != 0 || m == nil {
		t.Fatalf("verify: code %d, out %q", code, out)
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, "gongkai.db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TRIGGER audit_log_no_delete`, `DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if code, _, _ := runStdin(t, "", "audit-log", "verify", "--data", dir); code != 0 {
		t.Fatalf("without the anchor the shortened chain should still verify, got exit %d", code)
	}
	code, out, errOut := runStdin(t, "", "audit-log", "verify", "--data", dir, "--anchor", m[1])
	if code != 1 || !strings.Contains(out, "锚点记录已不在日志中") {
		t.Fatalf("with the anchor: code %d, out %q, err %q", code, out, errOut)
	}
	if code, _, _ := runStdin(t, "", "audit-log", "verify", "--data", dir, "--anchor", "nonsense"); code != 2 {
		t.Fatalf("bad anchor: exit %d", code)
	}
}
