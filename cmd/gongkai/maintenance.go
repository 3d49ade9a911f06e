package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/gongkai/gongkai/internal/store"
)

// optimizeHour is the local hour at which `serve` merges the search index
// every night.
const optimizeHour = 3

// optimizePause is the wait between two merge steps, so that writes
// during the night's merge wait at most one step (about 0.1 s).
const optimizePause = 100 * time.Millisecond

// optimizeNightly merges SQLite's search index into one segment every
// night at optimizeHour (store.DB.OptimizeSearchIndex): the day's
// publications each left a small segment, and a search seeks every term
// in every one. An index already merged costs nothing.
func optimizeNightly(ctx context.Context, db *store.DB, log *slog.Logger) {
	for {
		now := time.Now()
		select {
		case <-ctx.Done():
			return
		case <-time.After(nextAt(now, optimizeHour).Sub(now)):
		}
		start := time.Now()
		steps, err := db.OptimizeSearchIndex(ctx, optimizePause)
		if ctx.Err() != nil {
			return // shutting down: the merge goes on tomorrow night
		}
		if err != nil {
			log.Warn("search index merge", "steps", steps, "err", err)
			continue
		}
		if steps > 0 {
			log.Info("search index merged", "steps", steps, "took", time.Since(start).Round(time.Millisecond))
		}
	}
}

// nextAt returns the first time after now at the given hour of now's
// location.
func nextAt(now time.Time, hour int) time.Time {
	t := time.Date(now.Year(), now.Month(), now.Day(), hour, 0, 0, 0, now.Location())
	if !t.After(now) {
		t = time.Date(now.Year(), now.Month(), now.Day()+1, hour, 0, 0, 0, now.Location())
	}
	return t
}
