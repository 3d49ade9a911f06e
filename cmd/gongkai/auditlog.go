package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/gongkai/gongkai/internal/auditlog"
)

// errChainBroken makes `audit-log verify` exit non-zero.
var errChainBroken = errors.New("操作日志的哈希链已被破坏")

// runAuditLog runs the subcommands of the audit log: verify.
func runAuditLog(ctx context.Context, env *cmdEnv, args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		return fmt.Errorf("%w: 用法: gongkai audit-log verify [--anchor 序号:哈希]... [--data DIR | --db URL]", errUsage)
	}
	fs := newFlags("audit-log verify")
	var dbf dbFlags
	dbf.register(fs, env)
	var anchors stringList
	fs.Var(&anchors, "anchor", "先前记下的日志末尾 序号:哈希，可重复；用于发现末尾记录被删除")
	if help, err := parseFlags(fs, env, args[1:]); help || err != nil {
		return err
	}
	v := auditlog.NewVerifier()
	for _, a := range anchors {
		anchor, err := auditlog.ParseAnchor(a)
		if err != nil {
			return fmt.Errorf("%w: --anchor: %v", errUsage, err)
		}
		v.Expect(anchor)
	}
	db, err := dbf.open(ctx, quietLog(env))
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.WalkAudit(ctx, func(e auditlog.Entry) error { v.Add(e); return nil }); err != nil {
		return err
	}
	v.Finish()
	if !v.OK() {
		for _, b := range v.Breaks {
			fmt.Fprintln(env.stdout, "✗", b)
		}
		return fmt.Errorf("%w：共检查 %d 条，发现 %d 处问题", errChainBroken, v.Count, len(v.Breaks))
	}
	fmt.Fprintf(env.stdout, "操作日志完好：共 %d 条，哈希链连续。\n", v.Count)
	fmt.Fprintf(env.stdout, "当前末尾锚点：%s\n请把它记在本数据库以外；以后用 --anchor %s 校验，可发现末尾的记录被删除。\n", v.Head(), v.Head())
	return nil
}
