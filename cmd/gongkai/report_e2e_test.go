package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestReportJourney: the bureau's approver opens the 2020 draft, finds a
// figure that fails a check, fixes it, signs the report off and publishes
// it, and the report appears on the portal.
func TestReportJourney(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("browser journey skipped in -short mode")
	}
	ctx := browser(t)
	s := startServer(t)
	prevItems := chromedp.CSS(`input[name="fig.licensing.prev_items"]`)

	step(t, ctx, "approver login", login(s, "spj-approver"), chromedp.WaitVisible(chromedp.Search(`//h1[text()="长治市行政审批服务管理局"]`)))
	step(t, ctx, "open the reports", chromedp.Click(chromedp.Search(`//nav[@class="tabs"]/a[text()="年度报告"]`)),
		chromedp.WaitVisible(chromedp.Search(`//a[text()="2020年度"]`)))
	step(t, ctx, "open the 2020 draft", chromedp.Click(chromedp.Search(`//a[text()="2020年度"]`)),
		chromedp.WaitVisible(prevItems))
	// A typing slip: last year's count of licensing items, one short.
	step(t, ctx, "mistype a figure", chromedp.SetValue(prevItems, "160"), chromedp.Click(chromedp.ID("save")),
		chromedp.WaitVisible(chromedp.CSS("tr.finding")))
	if f := text(t, ctx, "tr.finding"); !strings.Contains(f, "行政许可") || !strings.Contains(f, "161") || !strings.Contains(f, "160") {
		t.Errorf("the finding does not name the cell and both numbers: %q", f)
	}
	step(t, ctx, "fix the figure", chromedp.SetValue(prevItems, "161"), chromedp.Click(chromedp.ID("save")),
		chromedp.WaitVisible(chromedp.ID("checks-ok")))
	step(t, ctx, "sign off", chromedp.Click(chromedp.ID("sign-off")),
		chromedp.WaitVisible(chromedp.Search(`//p[@class="notice" and contains(., "报告已签发")]`)))
	step(t, ctx, "publish", chromedp.Click(chromedp.ID("publish")),
		chromedp.WaitVisible(chromedp.Search(`//p[@class="notice" and contains(., "已报送")]`)))

	step(t, ctx, "portal list", chromedp.Navigate(s.url+"/agencies/2"),
		chromedp.Click(chromedp.Search(`//a[text()="政府信息公开工作年度报告"]`)),
		chromedp.WaitVisible(chromedp.Search(`//a[contains(., "2020年政府信息公开工作年度报告")]`)))
	step(t, ctx, "portal report", chromedp.Click(chromedp.Search(`//a[contains(., "2020年政府信息公开工作年度报告")]`)),
		chromedp.WaitVisible(chromedp.CSS("article table")))
	if page := text(t, ctx, "main"); !strings.Contains(page, "12209") || !strings.Contains(page, "四、政府信息公开行政复议、行政诉讼情况") {
		t.Errorf("the published report is not on the portal: %q", page[:min(len(page), 400)])
	}
}
