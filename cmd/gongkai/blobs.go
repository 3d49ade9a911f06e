package main

import (
	"context"
	"fmt"
	"time"

	"github.com/gongkai/gongkai/internal/blob"
)

const blobsUsage = `用法:
  gongkai blobs copy --to s3://存储桶?endpoint=…&region=…  把数据目录中的附件文件复制到存储桶（已有的跳过，可重复运行）
  gongkai blobs prune [--older-than 24h] [--dry-run] [--blobs 存储桶地址]
                                                  删除不再被任何信息引用、且在此时长内未写入的附件文件`

// runBlobs runs the subcommands of the attachment store: copy, which moves
// a data folder's attachment files into a bucket before the server is
// switched to it, and prune, which deletes the files nothing refers to.
func runBlobs(ctx context.Context, env *cmdEnv, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: %s", errUsage, blobsUsage)
	}
	switch args[0] {
	case "copy":
		return runBlobsCopy(ctx, env, args[1:])
	case "prune":
		return runBlobsPrune(ctx, env, args[1:])
	}
	return fmt.Errorf("%w: %s", errUsage, blobsUsage)
}

func runBlobsCopy(ctx context.Context, env *cmdEnv, args []string) error {
	fs := newFlags("blobs copy")
	var dbf dbFlags
	dbf.register(fs, env)
	to := fs.String("to", env.getenv("GONGKAI_BLOBS"), "目标存储桶地址 [GONGKAI_BLOBS]")
	if help, err := parseFlags(fs, env, args); help || err != nil {
		return err
	}
	if *to == "" {
		return fmt.Errorf("%w: 缺少 --to 存储桶地址\n%s", errUsage, blobsUsage)
	}
	db, err := dbf.open(ctx, quietLog(env))
	if err != nil {
		return err
	}
	defer db.Close()
	dst, closeDst, err := blob.Open(ctx, *to, "")
	if err != nil {
		return err
	}
	defer closeDst()
	src := blob.Dir{Root: db.BlobDir()}
	n, err := blob.Copy(ctx, src, dst)
	fmt.Fprintf(env.stdout, "%s → %s：复制 %d 个附件文件，跳过 %d 个（存储桶中已有）\n", src.Root, *to, n.Copied, n.Skipped)
	return err
}

// minPruneAge is the shortest --older-than: an upload stores its file a
// moment before the record that refers to it.
const minPruneAge = time.Hour

func runBlobsPrune(ctx context.Context, env *cmdEnv, args []string) error {
	fs := newFlags("blobs prune")
	var dbf dbFlags
	dbf.register(fs, env)
	where := fs.String("blobs", env.getenv("GONGKAI_BLOBS"), "附件存储桶地址；留空则为数据目录 [GONGKAI_BLOBS]")
	age := fs.Duration("older-than", 24*time.Hour, "只删除在此时长内未写入的文件（至少 1h）")
	dryRun := fs.Bool("dry-run", false, "只统计，不删除")
	if help, err := parseFlags(fs, env, args); help || err != nil {
		return err
	}
	if *age < minPruneAge {
		return fmt.Errorf("%w: --older-than 至少为 %s：上传中的附件先写文件、后写记录\n%s", errUsage, minPruneAge, blobsUsage)
	}
	db, err := dbf.open(ctx, quietLog(env))
	if err != nil {
		return err
	}
	defer db.Close()
	st, closeStore, err := blob.Open(ctx, *where, db.BlobDir())
	if err != nil {
		return err
	}
	defer closeStore()
	n, err := blob.Prune(ctx, st, time.Now().Add(-*age), db.AttachmentBlobKeys, *dryRun)
	verb := "删除"
	if *dryRun {
		verb = "将删除"
	}
	fmt.Fprintf(env.stdout, "%s %d 个无引用的附件文件（%d 字节）；保留 %d 个仍被引用的、%d 个 %s 内写入的\n",
		verb, n.Deleted, n.Bytes, n.Used, n.Recent, *age)
	return err
}
