package main

import (
	"context"
	"fmt"

	"github.com/gongkai/gongkai/internal/blob"
)

const blobsUsage = `用法:
  gongkai blobs copy --to s3://存储桶?endpoint=…&region=…  把数据目录中的附件文件复制到存储桶（已有的跳过，可重复运行）`

// runBlobs runs the subcommands of the attachment store: copy, which moves
// a data folder's attachment files into a bucket before the server is
// switched to it.
func runBlobs(ctx context.Context, env *cmdEnv, args []string) error {
	if len(args) == 0 || args[0] != "copy" {
		return fmt.Errorf("%w: %s", errUsage, blobsUsage)
	}
	fs := newFlags("blobs copy")
	var dbf dbFlags
	dbf.register(fs, env)
	to := fs.String("to", env.getenv("GONGKAI_BLOBS"), "目标存储桶地址 [GONGKAI_BLOBS]")
	if help, err := parseFlags(fs, env, args[1:]); help || err != nil {
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
