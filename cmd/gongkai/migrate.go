package main

import (
	"context"
	"fmt"
	"log/slog"
)

// runMigrate applies pending migrations; serve does the same on start.
func runMigrate(ctx context.Context, env *cmdEnv, args []string) error {
	fs := newFlags("migrate")
	var dbf dbFlags
	dbf.register(fs, env)
	if help, err := parseFlags(fs, env, args); help || err != nil {
		return err
	}
	// Progress of long work (rebuilding the search index) on stderr.
	db, err := dbf.open(ctx, slog.New(slog.NewTextHandler(env.stderr, nil)))
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintf(env.stdout, "数据库（%s）已是最新结构\n", db.Dialect())
	return nil
}
