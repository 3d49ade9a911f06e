package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"runtime/debug"
	"time"
)

// serverGCPercent is the garbage collector's target that `serve` runs with
// when GOGC is not set: the heap may grow to five times what is live
// before a collection, instead of Go's default of twice. A server's live
// heap is small (tens of megabytes with the page cache full), and at the
// default target a busy portal collects many times a second; docs/
// benchmarks.md has the measurement.
const serverGCPercent = 400

// tuneGC sets serverGCPercent unless the operator chose a target with
// GOGC, and reports the one in force.
func tuneGC(env *cmdEnv) string {
	if v := env.getenv("GOGC"); v != "" {
		return "GOGC=" + v
	}
	debug.SetGCPercent(serverGCPercent)
	return fmt.Sprintf("GOGC=%d (default of serve)", serverGCPercent)
}

// debugHandler serves Go's profiles (net/http/pprof) under /debug/pprof/
// and the Prometheus metrics under /metrics, for `serve --debug-addr`
// only: they show the program's internals and can cost seconds of CPU, so
// they never share the public listener without a token.
func debugHandler(metrics http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/metrics", metrics)
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// checkLoopback refuses a --debug-addr that is not loopback: profiles and
// metrics are for the operator on the machine (or through an SSH tunnel),
// not for the network.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%w: --debug-addr 应为 主机:端口，如 127.0.0.1:6060", errUsage)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%w: --debug-addr 只能监听本机回环地址（127.0.0.1、::1 或 localhost），性能剖析数据不应对外开放", errUsage)
	}
	return nil
}

// startDebug listens on addr and serves debugHandler with metrics until
// ctx ends, and returns the address it listens on. It refuses addresses
// that are not loopback (checkLoopback).
func startDebug(ctx context.Context, addr string, metrics http.Handler, log *slog.Logger) (net.Addr, error) {
	if err := checkLoopback(addr); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	hs := &http.Server{Handler: debugHandler(metrics), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		hs.Close()
	}()
	go func() {
		if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Warn("debug listener stopped", "err", err)
		}
	}()
	log.Info("debug listener (Go profiles under /debug/pprof/, metrics under /metrics)", "addr", "http://"+ln.Addr().String())
	return ln.Addr(), nil
}
