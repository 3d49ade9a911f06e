package main

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gongkai/gongkai/internal/idnumber"
)

// TestCaseJourney: a citizen applies on the portal; the bureau's case
// officer confirms receipt, asks for a correction, records the corrected
// application, closes the case as partially disclosed and issues the
// answer letter; the citizen then sees the outcome and the letter on the
// public status page. All on a phone-sized window, against the real binary.
func TestCaseJourney(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("browser journey skipped in -short mode")
	}
	citizen := browser(t)
	s := startServer(t)
	id := idnumber.CompleteResident("14040219880808123")

	step(t, citizen, "portal agency page", chromedp.Navigate(s.url+"/agencies/2"), chromedp.WaitVisible(chromedp.ID("apply")))
	step(t, citizen, "open the form", chromedp.Click(chromedp.ID("apply")), chromedp.WaitVisible(chromedp.ID("description")))
	step(t, citizen, "apply",
		chromedp.SendKeys(chromedp.ID("name"), "周晓燕"),
		chromedp.SendKeys(chromedp.ID("id_number"), id),
		chromedp.SendKeys(chromedp.ID("phone"), "13700001111"),
		chromedp.SendKeys(chromedp.ID("description"), "2025年行政审批事项办理时限"),
		chromedp.Click(chromedp.ID("submit-application")),
		chromedp.WaitVisible(chromedp.ID("query-no")),
	)
	queryNo, secret := text(t, citizen, "#query-no"), text(t, citizen, "#secret")
	// The code is shown in groups of four, for reading aloud.
	if !strings.HasPrefix(queryNo, "GK") || len(strings.ReplaceAll(secret, " ", "")) != 24 || strings.Count(secret, " ") != 5 {
		t.Fatalf("query number %q, secret %q", queryNo, secret)
	}

	officer := browser(t)
	step(t, officer, "officer login", login(s, "spj-officer"), chromedp.WaitVisible(chromedp.Search(`//h1[text()="长治市行政审批服务管理局"]`)))
	step(t, officer, "case list", chromedp.Navigate(s.url+"/office/a/2/cases"),
		chromedp.Click(chromedp.Search(`//a[text()="`+queryNo+`"]`)), chromedp.WaitVisible(chromedp.ID("do-confirm")))
	if got := text(t, officer, "main"); !strings.Contains(got, id) {
		t.Errorf("the case officer does not see the ID number: %q", got)
	}
	stage := func(ctx2 string) {
		t.Helper()
		step(t, officer, "stage "+ctx2, chromedp.WaitVisible(chromedp.Search(`//td[@id="stage" and text()="`+ctx2+`"]`)))
	}
	step(t, officer, "confirm", chromedp.Click(chromedp.ID("do-confirm")))
	stage("办理中")
	step(t, officer, "ask for a correction",
		chromedp.SendKeys(chromedp.ID("what"), "请写明所需统计的具体事项\n请写明统计的年度"),
		chromedp.SetValue(chromedp.ID("cor_days"), "10"),
		chromedp.Click(chromedp.ID("do-correction")))
	stage("待申请人补正")
	step(t, officer, "补正 letter", chromedp.SetValue(chromedp.ID("letter-kind"), "correction"), chromedp.Click(chromedp.ID("do-letter")),
		chromedp.WaitVisible(chromedp.Search(`//ul[@id="letters"]/li[contains(., "补正告知书")]`)))
	if got := text(t, officer, "#correction"); !strings.Contains(got, "请写明所需统计的具体事项") || !strings.Contains(got, "请写明统计的年度") ||
		!strings.Contains(got, "10 个工作日") {
		t.Errorf("the case does not show each item to correct and the period: %q", got)
	}
	step(t, officer, "record the correction",
		chromedp.SendKeys(chromedp.ID("cor_desc"), "2025年企业设立登记事项的平均办理时限"),
		chromedp.Click(chromedp.ID("do-corrected")))
	stage("办理中")
	step(t, officer, "close",
		chromedp.SetValue(chromedp.ID("outcome-select"), "partially_disclosed"),
		chromedp.SetValue(chromedp.ID("withheld"), "withheld.third_party"),
		chromedp.SendKeys(chromedp.ID("close_reason"), "统计表中涉及企业商业秘密的部分不予公开，其余部分予以公开。"),
		chromedp.Click(chromedp.ID("do-close")))
	stage("已办结")
	fits(t, officer, "the case page")
	step(t, officer, "answer letter", chromedp.SetValue(chromedp.ID("letter-kind"), "answer"), chromedp.Click(chromedp.ID("do-letter")),
		chromedp.WaitVisible(chromedp.Search(`//ul[@id="letters"]/li[contains(., "答复书")]`)))

	step(t, citizen, "status page", chromedp.Navigate(s.url+"/cases/status"),
		chromedp.SendKeys(chromedp.ID("query_no"), queryNo),
		chromedp.SendKeys(chromedp.ID("secret"), secret),
		chromedp.Click(chromedp.ID("lookup")),
		chromedp.WaitVisible(chromedp.ID("stage")))
	fits(t, citizen, "the status page")
	page := text(t, citizen, "main")
	for _, want := range []string{"已办结", "部分公开", "政府信息公开申请答复书", "2025年企业设立登记事项的平均办理时限", "六十日内", "下载 PDF"} {
		if !strings.Contains(page, want) {
			t.Errorf("status page lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, id) || strings.Contains(page, "13700001111") {
		t.Error("the public status page shows personal data")
	}
}

// fits checks that the page needs no sideways scrolling on the phone-sized
// window (wide tables scroll inside their own containers).
func fits(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if w > 0 {
		t.Errorf("%s is %d px wider than a 390 px phone", what, w)
	}
}
