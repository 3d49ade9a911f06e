package render

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestHTMLOnAPhone loads the standalone page in headless Chromium at a
// phone's width: the page itself must not scroll sideways, the wide tables
// of parts 三 and 四 must scroll inside their containers, and the charts
// must fit the screen.
func TestHTMLOnAPhone(t *testing.T) {
	chromium := requireTool(t, "chromium", "chromium")
	if testing.Short() {
		t.Skip("SKIPPED in -short mode: starts a browser")
	}
	path := filepath.Join(t.TempDir(), "report.html")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := HTMLPage(f, document2021()); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	type layout struct {
		PageWidth   int   `json:"pageWidth"`
		TableScroll []int `json:"tableScroll"`
		ChartWidth  []int `json:"chartWidth"`
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate("file://"+path)); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[layout](`({
		pageWidth: document.documentElement.scrollWidth,
		tableScroll: [...document.querySelectorAll('.gk-table-scroll')].map(d => d.scrollWidth - d.clientWidth),
		chartWidth: [...document.querySelectorAll('.gk-chart svg')].map(s => Math.ceil(s.getBoundingClientRect().width)),
	})`))
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	t.Logf("layout at 390px: %+v", got)
	if got.PageWidth > 390 {
		t.Errorf("page is %dpx wide on a 390px screen", got.PageWidth)
	}
	if len(got.TableScroll) != 3 {
		t.Fatalf("%d table containers, want 3", len(got.TableScroll))
	}
	if got.TableScroll[1] <= 0 || got.TableScroll[2] <= 0 {
		t.Errorf("parts 三 and 四 do not scroll inside their containers: overflow %v", got.TableScroll)
	}
	for _, w := range got.ChartWidth {
		if w > 390 {
			t.Errorf("chart is %dpx wide", w)
		}
	}
}
