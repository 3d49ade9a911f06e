package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/gongkai/gongkai/internal/store"
)

// newFlags returns a flag set that reports its errors through errUsage.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args, printing the defaults on -h.
func parseFlags(fs *flag.FlagSet, env *cmdEnv, args []string) (help bool, err error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(env.stderr)
			fs.PrintDefaults()
			return true, nil
		}
		return false, fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return false, fmt.Errorf("%w: 多余的参数 %q", errUsage, fs.Args())
	}
	return false, nil
}

// dbFlags are the --data and --db flags every command that opens the
// database takes, with GONGKAI_DATA and GONGKAI_DB as defaults.
type dbFlags struct {
	data string
	db   string
}

func (f *dbFlags) register(fs *flag.FlagSet, env *cmdEnv) {
	fs.StringVar(&f.data, "data", envOr(env, "GONGKAI_DATA", "data"), "数据目录（SQLite 数据库与附件）[GONGKAI_DATA]")
	fs.StringVar(&f.db, "db", env.getenv("GONGKAI_DB"), "PostgreSQL 连接串 postgres://…；留空则用数据目录中的 SQLite [GONGKAI_DB]")
}

// open connects to the database and applies pending migrations.
func (f *dbFlags) open(ctx context.Context, log *slog.Logger) (*store.DB, error) {
	db, err := store.Open(ctx, store.Config{DSN: f.db, DataDir: f.data})
	if err != nil {
		return nil, err
	}
	db.Log = log
	applied, err := db.Migrate(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	if len(applied) > 0 && log != nil {
		log.Info("database migrated", "versions", applied, "dialect", db.Dialect())
	}
	return db, nil
}

func envOr(env *cmdEnv, key, def string) string {
	if v := env.getenv(key); v != "" {
		return v
	}
	return def
}

// quietLog is the logger of one-shot commands: warnings and errors only.
func quietLog(env *cmdEnv) *slog.Logger {
	return slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}
