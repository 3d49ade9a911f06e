package web_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/web"
)

// TestClientClosedIsNotAServerError serves requests whose client has gone
// (the request's context canceled before the database answers) and checks
// that they are counted under status 499 in the metrics, never as 500, and
// logged at INFO, not ERROR.
func TestClientClosedIsNotAServerError(t *testing.T) {
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		var log bytes.Buffer
		srv, err := web.New(web.Config{DB: db, Auth: auth.NewService(db, auth.DefaultPolicy, time.Now), Log: slog.New(slog.NewTextHandler(&log, nil)), NoPostLimits: true, Extractor: testExtractor})
		if err != nil {
			t.Fatal(err)
		}
		h := srv.Handler()
		for _, path := range []string{"/", "/agencies/" + itoa(e.ids[demo.Bureau]) + "/catalog", "/api/v1/agencies"} {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil).WithContext(ctx))
		}
		rec := httptest.NewRecorder()
		srv.Metrics().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
		metrics := rec.Body.String()
		for _, want := range []string{`code="499",method="GET",route="GET /{$}"} 1`, `code="499",method="GET",route="GET /api/v1/agencies"} 1`} {
			if !strings.Contains(metrics, want) {
				t.Errorf("metrics lack %s", want)
			}
		}
		if strings.Contains(metrics, `code="500"`) {
			t.Errorf("a client that went away was counted as a server error")
		}
		if strings.Contains(log.String(), "level=ERROR") || !strings.Contains(log.String(), "level=INFO msg=\"client closed request\"") {
			t.Errorf("log, want the disconnects at INFO only:\n%s", log.String())
		}
	})
}
