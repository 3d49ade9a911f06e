package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/gongkai/gongkai/internal/store"
)

// publishEvery is how often serve publishes items whose scheduled time has
// come.
const publishEvery = time.Minute

// publishScheduled publishes due items (定时发布) until ctx ends.
func publishScheduled(ctx context.Context, db *store.DB, log *slog.Logger) {
	t := time.NewTicker(publishEvery)
	defer t.Stop()
	for {
		if n, err := db.PublishDue(ctx, time.Now()); err != nil {
			log.Error("scheduled publication", "err", err)
		} else if n > 0 {
			log.Info("scheduled publication", "published", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
