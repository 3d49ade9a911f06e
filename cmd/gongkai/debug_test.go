package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"testing"
)

func TestStartDebugServesProfilesOnLoopbackOnly(t *testing.T) {
	t.Parallel()
	log := slog.New(slog.DiscardHandler)
	metrics := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "gongkai_http_requests_total 1\n") })
	for _, addr := range []string{"0.0.0.0:6060", "192.0.2.1:6060", ":6060", "6060"} {
		if _, err := startDebug(context.Background(), addr, metrics, log); !errors.Is(err, errUsage) {
			t.Errorf("startDebug(%q) = %v, want a usage error", addr, err)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	a, err := startDebug(ctx, "127.0.0.1:0", metrics, log)
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + a.String() + "/debug/pprof/"
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "goroutine") {
		t.Fatalf("GET %s: %d, body without the profile index:\n%.300s", url, res.StatusCode, body)
	}
	res, err = http.Get("http://" + a.String() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "gongkai_http_requests_total") {
		t.Fatalf("GET /metrics on the debug listener: %d\n%.300s", res.StatusCode, body)
	}
	cancel()
	// The listener closes when serve's context ends.
	for i := 0; ; i++ {
		res, err := http.Get(url)
		if err != nil {
			break
		}
		res.Body.Close()
		if i == 100 {
			t.Fatal("debug listener still answers after its context ended")
		}
	}
}

// TestTuneGC is not parallel: the GC target is the process's, and the
// in-process `serve` of other tests sets it too.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	env := &cmdEnv{getenv: func(k string) string {
		if k == "GOGC" {
			return "150"
		}
		return ""
	}}
	debug.SetGCPercent(150) // what the runtime took from GOGC=150
	if got := tuneGC(env); got != "GOGC=150" {
		t.Errorf("with GOGC set: %q", got)
	}
	if prev := debug.SetGCPercent(150); prev != 150 {
		t.Errorf("with GOGC set, the target changed to %d", prev)
	}
	env.getenv = func(string) string { return "" }
	if got := tuneGC(env); !strings.Contains(got, "400") {
		t.Errorf("without GOGC: %q", got)
	}
	if prev := debug.SetGCPercent(100); prev != serverGCPercent {
		t.Errorf("without GOGC, the target is %d, want %d", prev, serverGCPercent)
	}
}
