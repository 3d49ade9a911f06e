package main

import (
	"context"
	"fmt"
)

// runBackup writes a consistent online copy of the SQLite database.
func runBackup(ctx context.Context, env *cmdEnv, args []string) error {
	fs := newFlags("backup")
	var dbf dbFlags
	dbf.register(fs, env)
	out := fs.String("o", "", "备份文件路径（不能已存在），必填")
	if help, err := parseFlags(fs, env, args); help || err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("%w: 缺少 -o 备份文件路径", errUsage)
	}
	db, err := dbf.open(ctx, quietLog(env))
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, *out); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "已备份到 %s\n", *out)
	fmt.Fprintf(env.stdout, "附件文件不在其中：存于数据目录时请另行复制 %s；存于存储桶时由存储桶的版本控制或复制保护。\n", db.BlobDir())
	return nil
}
