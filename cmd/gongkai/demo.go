package main

import (
	"context"
	"crypto/rand"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/demo"
)

// runDemo fills an empty data folder (or PostgreSQL database) with demo data.
func runDemo(ctx context.Context, env *cmdEnv, args []string) error {
	fs := newFlags("demo")
	var dbf dbFlags
	dbf.register(fs, env)
	if help, err := parseFlags(fs, env, args); help || err != nil {
		return err
	}
	db, err := dbf.open(ctx, quietLog(env))
	if err != nil {
		return err
	}
	defer db.Close()
	password := randomPassword()
	if err := demo.Seed(ctx, db, auth.DefaultPolicy.Hashing, password); err != nil {
		return err
	}
	printDemoLogins(env, password)
	return nil
}

// randomPassword returns a 16-letter password without look-alike letters.
func randomPassword() string {
	const letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 16)
	rand.Read(b)
	for i := range b {
		b[i] = letters[int(b[i])%len(letters)]
	}
	return string(b)
}
