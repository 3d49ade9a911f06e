package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/gongkai/gongkai/internal/sandbox"
)

// runExtract is the sandbox's child (`gongkai extract`, internal): it reads
// one document from stdin under its limits and writes the result as JSON.
// The server and `gongkai audit` start it; it is not meant to be run by
// hand.
func runExtract(_ context.Context, env *cmdEnv, args []string) error {
	in := env.stdin
	if in == nil {
		in = os.Stdin
	}
	if err := sandbox.Serve(args, in, env.stdout); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// sandboxFlags set up the pool of extraction children: serve's and audit's
// --extract-* flags.
type sandboxFlags struct {
	workers, queue int
	memoryMB       int64
	cpu, timeout   time.Duration
}

func (f *sandboxFlags) register(fs *flag.FlagSet, env *cmdEnv) {
	def := sandbox.DefaultLimits()
	fs.IntVar(&f.workers, "extract-workers", envInt(env, "GONGKAI_EXTRACT_WORKERS", sandbox.DefaultWorkers()), "同时读取上传文件的子进程数 [GONGKAI_EXTRACT_WORKERS]")
	fs.IntVar(&f.queue, "extract-queue", envInt(env, "GONGKAI_EXTRACT_QUEUE", sandbox.DefaultQueue), "等待读取的文件数上限，超过则请用户稍后再试 [GONGKAI_EXTRACT_QUEUE]")
	fs.Int64Var(&f.memoryMB, "extract-memory", int64(envInt(env, "GONGKAI_EXTRACT_MEMORY", int(def.Memory>>20))), "每个读取子进程可用内存（MB）[GONGKAI_EXTRACT_MEMORY]")
	fs.DurationVar(&f.cpu, "extract-cpu", envDuration(env, "GONGKAI_EXTRACT_CPU", def.CPU), "每个读取子进程可用 CPU 时间 [GONGKAI_EXTRACT_CPU]")
	fs.DurationVar(&f.timeout, "extract-timeout", envDuration(env, "GONGKAI_EXTRACT_TIMEOUT", def.Wall), "每个文件的读取时限 [GONGKAI_EXTRACT_TIMEOUT]")
}

// pool returns the pool the flags describe, whose children are this
// binary's `extract` command.
func (f *sandboxFlags) pool(log *slog.Logger) (*sandbox.Pool, error) {
	if f.workers < 1 || f.queue < 0 || f.memoryMB < 64 || f.cpu < time.Second || f.timeout < time.Second {
		return nil, fmt.Errorf("%w: --extract-workers 至少 1，--extract-memory 至少 64（MB），--extract-cpu 与 --extract-timeout 至少 1s", errUsage)
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("sandbox: find this program: %w", err)
	}
	return sandbox.New(sandbox.Config{
		Command: []string{exe, "extract"}, Workers: f.workers, Queue: max(f.queue, 1),
		Limits: sandbox.Limits{Memory: f.memoryMB << 20, CPU: f.cpu, Wall: f.timeout}, Log: log,
	}), nil
}

// envInt reads an integer setting, or def when it is unset or not a number.
func envInt(env *cmdEnv, key string, def int) int {
	if n, err := strconv.Atoi(env.getenv(key)); err == nil {
		return n
	}
	return def
}

// envDuration reads a duration setting, or def when it is unset or wrong.
func envDuration(env *cmdEnv, key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(env.getenv(key)); err == nil {
		return d
	}
	return def
}
