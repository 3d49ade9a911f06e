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
	"github.com/gongkai/gongkai/internal/web"
)

// BenchmarkCatalogPage measures the throughput of the portal's catalog page
// of the demo bureau (2186 items, 20 a page) on SQLite, requested over
// loopback HTTP by parallel clients (GOMAXPROCS × 4 goroutines with
// keep-alive), the whole stack from routing to template.
func BenchmarkCatalogPage(b *testing.B) {
	h, bureau := benchDemo(b, web.Config{Log: slog.New(slog.DiscardHandler)})
	srv := httptest.NewServer(h)
	b.Cleanup(srv.Close)
	b.ResetTimer()
	getParallel(b, srv.URL+bureau+"/catalog")
}

// benchDemo copies the demo data into a new SQLite database and returns the
// handler of a server over it, configured by cfg, and the demo bureau's
// path (/agencies/N).
func benchDemo(b *testing.B, cfg web.Config) (http.Handler, string) {
	b.Helper()
	ctx := context.Background()
	db := seeded.Open(b, store.SQLite)
	cfg.DB, cfg.Auth = db, auth.NewService(db, testPolicy(), time.Now)
	cfg.Extractor = testExtractor
	w, err := web.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	bureau, err := db.AgencyByNameOrCode(ctx, demo.Bureau)
	if err != nil {
		b.Fatal(err)
	}
	return w.Handler(), fmt.Sprintf("/agencies/%d", bureau.ID)
}

// getParallel requests url from GOMAXPROCS × 4 goroutines with keep-alive
// connections until the benchmark is done, and reports pages/s.
func getParallel(b *testing.B, url string) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	b.SetParallelism(4)
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
