package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/web"
)

// apply submits the application form as anon and returns the query number
// and code from the receipt.
func apply(t *testing.T, anon *client, agencyID int64) (no, secret string) {
	t.Helper()
	res, body := anon.post("/agencies/"+itoa(agencyID)+"/apply", applicationForm())
	wantStatus(t, "apply", res, body, http.StatusSeeOther)
	_, body = anon.get(res.Header.Get("Location"))
	m, g := queryNoRe.FindStringSubmatch(body), secretRe.FindStringSubmatch(body)
	if m == nil || g == nil {
		t.Fatalf("no receipt:\n%s", body)
	}
	return m[1], g[1]
}

// TestCaseStatusPage follows a case on the public status page: the link
// carries the query number, each step appears in plain words with its
// date, the letters to the applicant appear as they are issued, and
// nothing of the back office (tabs, staff or the consulted third party)
// shows, also to a logged-in officer.
func TestCaseStatusPage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, seeded.Open(t, store.SQLite))
	ctx := context.Background()
	bureau := e.ids[demo.Bureau]
	day := calendar.DateOf(e.now).String()
	anon := e.anonymous()
	no, secret := apply(t, anon, bureau)

	_, body := anon.get("/cases/status?no=" + url.QueryEscape(no))
	if !strings.Contains(body, `name="query_no" required maxlength="40" autocomplete="off" value="`+no+`"`) {
		t.Error("the status link does not fill in the query number")
	}
	c, err := e.db.CaseByQuery(ctx, no, secret)
	if err != nil {
		t.Fatal(err)
	}
	base := "/office/a/" + itoa(bureau) + "/cases/" + itoa(c.ID)
	officer, approver := e.login("spj-officer"), e.login("spj-approver")
	status := func(who *client, contains ...string) string {
		t.Helper()
		res, body := who.post("/cases/status", url.Values{"query_no": {no}, "secret": {secret}})
		wantStatus(t, "status", res, body, http.StatusOK, contains...)
		for _, bad := range []string{`aria-label="机关功能"`, "/office/a/", "spj-officer", "spj-approver", "某某信息技术", webTestID, "13912340000"} {
			if strings.Contains(body, bad) {
				t.Errorf("the status page shows %q", bad)
			}
		}
		return body
	}
	status(anon, "通过互联网提交申请", `href="/cases/status?no=`+no+`"`)

	steps := []struct {
		who  *client
		step string
		form url.Values
		// want are on the status page after the step.
		want []string
	}{
		{officer, "confirm", url.Values{"received": {day}}, []string{day + "</time> 工作人员确认收到申请", "答复期限"}},
		{officer, "correction", url.Values{"notice_on": {day}, "days": {"10"}, "what": {"请写明年份\n请写明所需的窗口"}},
			[]string{"待申请人补正", "<li>请写明年份</li><li>请写明所需的窗口</li>", "补正期限", "要求补正（第三十条）", "10 个工作日"}},
		{officer, "letters", url.Values{"kind": {"correction"}, "issued_on": {day}}, []string{"政府信息公开申请补正告知书", "下载 PDF"}},
		{officer, "corrected", url.Values{"on": {day}}, []string{"收到补正后的申请，答复期限自次日重新起算"}},
		{officer, "consult", url.Values{"kind": {"third_party"}, "whom": {"长治市某某信息技术有限公司"}, "on": {day}},
			[]string{"征求意见中", "征求第三方意见中（第三十二条）", "暂停计算"}},
		{officer, "consulted", url.Values{"on": {day}, "opinion": {"同意公开"}}, []string{"征求意见结束，答复期限恢复计算"}},
		{officer, "extend", url.Values{"days": {"10"}, "reason": {"需汇总各窗口数据"}}, nil},
		{approver, "approve", url.Values{"on": {day}, "decision": {"approve"}}, []string{"延长答复期限 10 个工作日（第三十三条第二款），延长后的答复期限为"}},
		{officer, "letters", url.Values{"kind": {"extension"}}, []string{"延期答复告知书"}},
		{officer, "transfer", url.Values{"to": {itoa(e.ids["长治市教育局"])}, "reason": {"所需信息由教育局制作"}},
			[]string{"转交 长治市教育局 办理：所需信息由教育局制作", `id="handler">长治市教育局`}},
	}
	for _, s := range steps {
		res, body := s.who.post(base+"/"+s.step, s.form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: %d\n%s", s.step, res.StatusCode, body)
		}
		if s.want != nil {
			status(anon, s.want...)
		}
	}
	page := status(officer)
	timeline, _, _ := strings.Cut(page[strings.Index(page, `id="timeline"`):], "</ol>")
	if strings.Contains(timeline, "申请延长答复期限") {
		t.Error("the timeline shows the internal extension request")
	}
	if strings.Index(page, "确认收到申请") > strings.Index(page, "转交 长治市教育局") {
		t.Error("the timeline is not oldest first")
	}
}

// TestCaseNotices shows the case officer the e-mails to the applicant that
// the confirmation queued, and says they stay queued without --smtp; with
// a mail server configured the warning is gone; a supervisor, who sees the
// case masked, sees no notices.
func TestCaseNotices(t *testing.T) {
	t.Parallel()
	for _, mail := range []bool{false, true} {
		e := newEnv(t, seeded.Open(t, store.SQLite), func(c *web.Config) { c.Mail = mail })
		bureau := e.ids[demo.Bureau]
		anon := e.anonymous()
		no, secret := apply(t, anon, bureau)
		c, err := e.db.CaseByQuery(context.Background(), no, secret)
		if err != nil {
			t.Fatal(err)
		}
		base := "/office/a/" + itoa(bureau) + "/cases/" + itoa(c.ID)
		officer := e.login("spj-officer")
		res, body := officer.post(base+"/confirm", url.Values{"received": {calendar.DateOf(e.now).String()}})
		wantStatus(t, "confirm", res, body, http.StatusSeeOther)
		_, body = officer.get(base)
		if !strings.Contains(body, `id="notices"`) || !strings.Contains(body, "sun@example.cn") || !strings.Contains(body, "待发送") ||
			!strings.Contains(body, "工作人员已确认收到您的申请") {
			t.Errorf("mail %v: no queued notice on the case page", mail)
		}
		if got := strings.Contains(body, `id="mail-off"`); got == mail {
			t.Errorf("mail %v: the no-SMTP warning shown = %v", mail, got)
		}
		if strings.Contains(body, secret) {
			t.Error("the case page shows the code")
		}
		res, body = e.login("city-supervisor").get(base)
		wantStatus(t, "the supervisor's view", res, body, http.StatusOK, "申请 "+no)
		if strings.Contains(body, `id="notices"`) || strings.Contains(body, "sun@example.cn") {
			t.Error("a supervisor sees the applicant's notices")
		}
	}
}
