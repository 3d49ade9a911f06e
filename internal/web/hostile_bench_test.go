package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/hostile"
	"github.com/gongkai/gongkai/internal/sandbox"
	"github.com/gongkai/gongkai/internal/web"
)

// BenchmarkPortalUnderHostileFiles measures the latency of the demo
// bureau's portal page, one visitor at a time, while nothing else runs
// ("quiet") and while the sandbox reads the hostile corpus without pause,
// as many files at once as it has workers ("hostile"). It reports the
// median and the 99th percentile in milliseconds: the ratio of the two
// runs is what the sandbox costs the portal's visitors.
func BenchmarkPortalUnderHostileFiles(b *testing.B) {
	var corpus [][2]string
	for _, f := range hostile.Corpus() {
		corpus = append(corpus, [2]string{f.Name, filepath.Join("..", "hostile", "testdata", f.Name)})
	}
	h, bureau := benchDemo(b, web.Config{Log: slog.New(slog.DiscardHandler), NoAccessLog: true})
	srv := httptest.NewServer(h)
	b.Cleanup(srv.Close)
	for _, load := range []string{"quiet", "hostile"} {
		b.Run(load, func(b *testing.B) {
			ctx, stop := context.WithCancel(context.Background())
			var readers sync.WaitGroup
			if load == "hostile" {
				for w := range sandbox.DefaultWorkers() {
					readers.Add(1)
					go func() {
						defer readers.Done()
						for i := w; ctx.Err() == nil; i++ {
							f := corpus[i%len(corpus)]
							data, err := os.ReadFile(f[1])
							if err != nil {
								b.Error(err)
								return
							}
							_, _, _ = testExtractor.Run(ctx, sandbox.OpAttachment, f[0], data)
						}
					}()
				}
				time.Sleep(500 * time.Millisecond) // let the children start
			}
			client := &http.Client{}
			lat := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for range b.N {
				start := time.Now()
				res, err := client.Get(srv.URL + bureau)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK {
					b.Fatalf("status %d", res.StatusCode)
				}
				lat = append(lat, time.Since(start))
			}
			b.StopTimer()
			stop()
			readers.Wait()
			slices.Sort(lat)
			ms := func(q float64) float64 {
				return float64(lat[min(len(lat)-1, int(q*float64(len(lat))))]) / float64(time.Millisecond)
			}
			b.ReportMetric(ms(0.5), "p50-ms")
			b.ReportMetric(ms(0.99), "p99-ms")
		})
	}
}
