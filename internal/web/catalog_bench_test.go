package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
	"github.com/gongkai/gongkai/internal/web"
)

// BenchmarkCatalogPage measures the throughput of the portal's catalog page
// of the demo bureau (2186 items, 20 a page) on SQLite, requested over
// loopback HTTP by parallel clients (GOMAXPROCS × 4 goroutines with
// keep-alive), the whole stack from routing to template.
func BenchmarkCatalogPage(b *testing.B) {
	ctx := context.Background()
	db := storetest.Open(b, store.SQLite)
	if err := demo.Seed(ctx, db, demoPassword); err != nil {
		b.Fatal(err)
	}
	w, err := web.New(web.Config{DB: db, Auth: auth.NewService(db, auth.DefaultPolicy, time.Now), Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(w.Handler())
	b.Cleanup(srv.Close)
	bureau, err := db.AgencyByNameOrCode(ctx, demo.Bureau)
	if err != nil {
		b.Fatal(err)
	}
	url := srv.URL + fmt.Sprintf("/agencies/%d/catalog", bureau.ID)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	b.SetParallelism(4)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			res, err := client.Get(url)
			if err != nil {
				b.Error(err)
				return
			}
			_, _ = io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				b.Errorf("status %d", res.StatusCode)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
