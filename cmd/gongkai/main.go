// Command gongkai is the government information disclosure system: the
// public portal, the staff back office, the annual report and the auditor of
// published reports, in one binary.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/gongkai/gongkai/internal/errs"
)

// command is one subcommand of the binary.
type command struct {
	summary string
	run     func(ctx context.Context, env *cmdEnv, args []string) error
}

// cmdEnv is what every subcommand gets from main: its streams and the
// process environment, passed in so tests can run commands in-process.
type cmdEnv struct {
	stdin          io.Reader // nil means os.Stdin
	stdout, stderr io.Writer
	getenv         func(string) string
}

// errUsage marks a command-line mistake; main exits with status 2 for it.
var errUsage = errors.New("usage")

func commands() map[string]command {
	return map[string]command{
		"deadline":  {"计算工作日期限 (working-day due date)", runDeadline},
		"serve":     {"运行门户、后台与 API (serve the portal, back office and API)", runServe},
		"migrate":   {"执行数据库迁移 (apply database migrations)", runMigrate},
		"demo":      {"向空数据目录写入演示数据 (fill an empty database with demo data)", runDemo},
		"user":      {"管理用户与角色 (users, passwords, roles, API tokens)", runUser},
		"backup":    {"在线备份 SQLite 数据库 (consistent online SQLite backup)", runBackup},
		"blobs":     {"附件文件：复制到对象存储、清理无引用的文件 (copy attachment files into an S3 bucket, prune unreferenced ones)", runBlobs},
		"holidays":  {"载入或列出节假日安排 (load or list holiday schedules)", runHolidays},
		"audit-log": {"校验操作日志哈希链 (verify the audit log chain)", runAuditLog},
		"audit":     {"审核已发布的年度报告 (audit published annual reports)", runAudit},
		"extract":   {"（内部）在受限子进程中读取一个文件 (internal: the sandbox child that reads one document)", runExtract},
		"version":   {"打印版本 (print the version)", runVersion},
		"report":    {"生成政府信息公开工作年度报告 (write an annual report: json|html|pdf|docx|xlsx)", runReport},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	env := &cmdEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	code := run(ctx, env, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches to a subcommand and turns its error into an exit status.
func run(ctx context.Context, env *cmdEnv, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(env.stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(env.stderr, "gongkai: 未知命令 %q\n\n", args[0])
		printHelp(env.stderr, cmds)
		return 2
	}
	if err := c.run(ctx, env, args[1:]); err != nil {
		msg := errs.Message(err) // a domain error's Chinese message, without the layers' context
		if msg == "" {
			msg = err.Error()
		}
		fmt.Fprintf(env.stderr, "gongkai %s: %s\n", args[0], msg)
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	return 0
}

func printHelp(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "用法: gongkai <命令> [参数]\n\n命令:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\n每个命令的参数: gongkai <命令> -h")
}
