package main

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// writeDOCX writes a minimal Word document with one paragraph.
func writeDOCX(t *testing.T, path, text string) {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, _ := z.Create("word/document.xml")
	_, _ = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`+text+`</w:t></w:r></w:p></w:body></w:document>`)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestCatalogJourney: the editor drafts an item with an ID number in its
// DOCX attachment; the scan shows it and blocks the reviewer's approval;
// the reviewer sends it back, the editor replaces the attachment and
// resubmits; the reviewer approves and publishes; the item appears in the
// portal's search and in the agency's Atom feed. Real binary, phone-sized
// window.
func TestCatalogJourney(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("browser journey skipped in -short mode")
	}
	editor := browser(t)
	s := startServer(t)
	dir := t.TempDir()
	withID, clean := filepath.Join(dir, "名单.docx"), filepath.Join(dir, "名单-已处理.docx")
	writeDOCX(t, withID, "准予许可名单：李某，身份证号140402198506121232")
	writeDOCX(t, clean, "准予许可名单：李某（身份证号已隐去）")
	const title = "关于公布建设工程规划许可办理结果的公告"

	step(t, editor, "editor login", login(s, "spj-editor"), chromedp.WaitVisible(chromedp.Search(`//h1[text()="长治市行政审批服务管理局"]`)))
	step(t, editor, "new draft", chromedp.Navigate(s.url+"/office/a/2/items/new"), chromedp.WaitVisible(chromedp.ID("title")),
		chromedp.SendKeys(chromedp.ID("title"), title),
		chromedp.SendKeys(chromedp.ID("body"), "<p>现将本月建设工程规划许可办理结果公告如下。</p>"),
		chromedp.Click(chromedp.ID("save-draft")), chromedp.WaitVisible(chromedp.ID("file")))
	itemURL, err := chromedp.Run(editor, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	itemURL = strings.SplitN(itemURL, "?", 2)[0]
	step(t, editor, "attach the list with an ID number", chromedp.SetUploadFiles(chromedp.ID("file"), []string{withID}),
		chromedp.Click(chromedp.ID("upload")), chromedp.WaitVisible(chromedp.Search(`//td[text()="身份证号码"]`)))
	if got := text(t, editor, "main"); !strings.Contains(got, "140402198506121232") || !strings.Contains(got, "名单.docx") {
		t.Fatalf("the finding is not shown in context: %q", got)
	}
	step(t, editor, "submit", chromedp.Click(chromedp.ID("submit-review")), chromedp.WaitVisible(chromedp.Search(`//strong[text()="待审核"]`)))

	reviewer := browser(t)
	step(t, reviewer, "reviewer login", login(s, "spj-reviewer"), chromedp.WaitVisible(chromedp.Search(`//h1[text()="长治市行政审批服务管理局"]`)))
	step(t, reviewer, "approve is blocked", chromedp.Navigate(itemURL), chromedp.Click(chromedp.ID("review-submit")),
		chromedp.WaitVisible(chromedp.CSS("p.error[role=alert]")))
	if got := text(t, reviewer, "p.error[role=alert]"); !strings.Contains(got, "隐私和保密检查") {
		t.Fatalf("approval was not blocked: %q", got)
	}
	step(t, reviewer, "send back", chromedp.Navigate(itemURL), chromedp.Click(chromedp.ID("decision-reject")),
		chromedp.SendKeys(chromedp.ID("reason"), "附件含身份证号码，请隐去后重新提交"),
		chromedp.Click(chromedp.ID("review-submit")), chromedp.WaitVisible(chromedp.Search(`//strong[text()="草稿"]`)))

	step(t, editor, "replace the attachment", chromedp.Navigate(itemURL), chromedp.Click(chromedp.CSS("button.detach")),
		chromedp.WaitVisible(chromedp.Search(`//p[text()="无附件。"]`)),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{clean}), chromedp.Click(chromedp.ID("upload")),
		chromedp.WaitVisible(chromedp.Search(`//a[text()="名单-已处理.docx"]`)),
		// The upload returns at once; the page reloads itself until the
		// attachment's text has been read.
		chromedp.WaitNotPresent(chromedp.CSS("span.pending")))
	if got := text(t, editor, "main"); strings.Contains(got, "发现 ") {
		t.Fatalf("findings remain after the fix: %q", got)
	}
	step(t, editor, "resubmit", chromedp.Click(chromedp.ID("submit-review")), chromedp.WaitVisible(chromedp.Search(`//strong[text()="待审核"]`)))

	step(t, reviewer, "approve", chromedp.Navigate(itemURL), chromedp.Click(chromedp.ID("review-submit")),
		chromedp.WaitVisible(chromedp.ID("publish-submit")))
	step(t, reviewer, "publish now", chromedp.Click(chromedp.ID("publish-submit")), chromedp.WaitVisible(chromedp.Search(`//strong[text()="已发布"]`)))

	public := browser(t)
	step(t, public, "portal search", chromedp.Navigate(s.url+"/search?q="+url.QueryEscape("规划许可办理结果")),
		chromedp.WaitVisible(chromedp.Search(`//ol[@class="hits"]//a[text()="`+title+`"]`)),
		chromedp.Click(chromedp.Search(`//ol[@class="hits"]//a[text()="`+title+`"]`)),
		chromedp.WaitVisible(chromedp.Search(`//h1[text()="`+title+`"]`)))
	if got := text(t, public, "table.meta"); !strings.Contains(got, "0142768-8/") {
		t.Errorf("the item page lacks its 索引号: %q", got)
	}
	res, err := http.Get(s.url + "/agencies/2/feed.atom")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	feed, _ := io.ReadAll(res.Body)
	if !strings.Contains(string(feed), title) {
		t.Fatalf("the feed lacks the item")
	}
}
