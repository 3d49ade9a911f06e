package main

import (
	"context"
	"os"
	"testing"
)

// TestMain lets this test binary act as the sandbox child: commands run
// in-process by the tests (audit, serve) start os.Executable() — this
// binary — with the `extract` command, as the real binary does.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "extract" {
		env := &cmdEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
		os.Exit(run(context.Background(), env, os.Args[1:]))
	}
	os.Exit(m.Run())
}
