package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/idnumber"
	"github.com/gongkai/gongkai/internal/store"
)

var (
	queryNoRe = regexp.MustCompile(`id="query-no">([^<]+)<`)
	secretRe  = regexp.MustCompile(`id="secret">([^<]+)<`)
)

var webTestID = idnumber.CompleteResident("14040219900307123")

func applicationForm() url.Values {
	return url.Values{"kind": {"natural_person"}, "name": {"孙小梅"}, "id_type": {"resident_id"},
		"id_number": {webTestID}, "phone": {"13912340000"}, "email": {"sun@example.cn"},
		"description": {"2025年政务服务大厅窗口办件量统计"}, "form": {"email"}, "receive": {"email"}}
}

func wantStatus(t *testing.T, what string, res *http.Response, body string, status int, contains ...string) {
	t.Helper()
	if res.StatusCode != status {
		t.Fatalf("%s: status %d, want %d\n%s", what, res.StatusCode, status, body)
	}
	for _, c := range contains {
		if !strings.Contains(body, c) {
			t.Errorf("%s: page lacks %q", what, c)
		}
	}
}

// TestCaseWorkflowHTTP applies online, then walks the case through the
// back office as the roles that may and may not act, and checks masking.
func TestCaseWorkflowHTTP(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		bureau := strconv.FormatInt(e.ids[demo.Bureau], 10)
		today := calendar.DateOf(e.now)
		anon := e.anonymous()

		bad := applicationForm()
		bad.Set("id_number", webTestID[:17]+"0")
		if webTestID[17] == '0' {
			bad.Set("id_number", webTestID[:17]+"1")
		}
		res, body := anon.post("/agencies/"+bureau+"/apply", bad)
		wantStatus(t, "bad ID", res, body, http.StatusBadRequest, "校验码", "孙小梅")
		res, body = anon.post("/agencies/"+bureau+"/apply", applicationForm())
		wantStatus(t, "apply", res, body, http.StatusSeeOther)
		res, body = anon.get(res.Header.Get("Location"))
		wantStatus(t, "confirmation", res, body, http.StatusOK, "查询码只显示在本页和登记回执中")
		if res.Header.Get("Cache-Control") != "no-store" {
			t.Error("the page with the secret may be cached")
		}
		no, secret := queryNoRe.FindStringSubmatch(body)[1], secretRe.FindStringSubmatch(body)[1]
		if res, _ = e.anonymous().get("/agencies/" + bureau + "/apply/done"); res.StatusCode != http.StatusNotFound {
			t.Errorf("the receipt is shown to another browser: %d", res.StatusCode)
		}
		status := func(contains ...string) string {
			t.Helper()
			res, body := anon.post("/cases/status", url.Values{"query_no": {no}, "secret": {secret}})
			wantStatus(t, "status", res, body, http.StatusOK, contains...)
			if strings.Contains(body, webTestID) || strings.Contains(body, "13912340000") {
				t.Error("the public status page shows personal data")
			}
			return body
		}
		status("待确认收到")
		res, _ = anon.post("/cases/status", url.Values{"query_no": {no}, "secret": {"0000"}})
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("wrong secret: %d", res.StatusCode)
		}

		c, err := db.CaseByQuery(ctx, no, secret)
		if err != nil {
			t.Fatal(err)
		}
		base := "/office/a/" + bureau + "/cases/" + strconv.FormatInt(c.ID, 10)
		officer, approver, supervisor := e.login("spj-officer"), e.login("spj-approver"), e.login("city-supervisor")
		_, body = officer.get(base)
		if !strings.Contains(body, webTestID) {
			t.Error("the case officer does not see the full ID number")
		}
		for _, who := range []*client{approver, supervisor} {
			_, body = who.get(base)
			if strings.Contains(body, webTestID) || strings.Contains(body, "13912340000") || !strings.Contains(body, cases.MaskID(webTestID)) {
				t.Error("a reader who does not handle the bureau's cases sees unmasked personal data")
			}
		}
		_, body = supervisor.get("/office/a/" + bureau + "/cases")
		if strings.Contains(body, webTestID) {
			t.Error("the list shows an unmasked ID number to a supervisor")
		}

		day := today.String()
		steps := []struct {
			who    *client
			step   string
			form   url.Values
			status int
			want   string
		}{
			{approver, "confirm", url.Values{"received": {day}}, http.StatusForbidden, ""},
			{officer, "confirm", url.Values{"received": {today.AddDays(1).String()}}, http.StatusBadRequest, "不能晚于今天"},
			{officer, "confirm", url.Values{"received": {day}}, http.StatusSeeOther, ""},
			{officer, "confirm", url.Values{"received": {day}}, http.StatusConflict, "办理中"},
			{officer, "correction", url.Values{"notice_on": {day}, "days": {"10"}}, http.StatusBadRequest, "补正的事项"},
			{officer, "correction", url.Values{"notice_on": {day}, "days": {"10"}, "what": {"请写明年份\n\n请写明所需的窗口"}}, http.StatusSeeOther, ""},
			{officer, "letters", url.Values{"kind": {"correction"}, "issued_on": {day}}, http.StatusSeeOther, ""},
			{officer, "correction_delivered", url.Values{"on": {day}}, http.StatusSeeOther, ""},
			{officer, "corrected", url.Values{"on": {day}, "description": {"2025年全年政务服务大厅窗口办件量统计"}}, http.StatusSeeOther, ""},
			{officer, "consult", url.Values{"kind": {"third_party"}, "whom": {"长治市某某信息技术有限公司"}, "on": {day}}, http.StatusSeeOther, ""},
			{officer, "letters", url.Values{"kind": {"consultation"}}, http.StatusSeeOther, ""},
			{officer, "consulted", url.Values{"on": {day}, "opinion": {"同意公开"}}, http.StatusSeeOther, ""},
			{officer, "extend", url.Values{"days": {"21"}, "reason": {"x"}}, http.StatusBadRequest, "1 到 20"},
			{officer, "extend", url.Values{"days": {"10"}, "reason": {"需汇总各窗口数据"}}, http.StatusSeeOther, ""},
			{officer, "approve", url.Values{"on": {day}}, http.StatusForbidden, ""},
			{approver, "approve", url.Values{"on": {day}, "decision": {"refuse"}}, http.StatusBadRequest, "不予批准的理由"},
			{approver, "approve", url.Values{"on": {day}, "decision": {"approve"}}, http.StatusSeeOther, ""},
			{officer, "letters", url.Values{"kind": {"extension"}}, http.StatusSeeOther, ""},
			{officer, "extension_notice", url.Values{"on": {day}}, http.StatusSeeOther, ""},
			{officer, "fee", url.Values{"method": {"by_volume"}, "units": {"30"}, "notice_received": {day}}, http.StatusBadRequest, "无需发出收费通知"},
			{officer, "fee", url.Values{"method": {"by_volume"}, "units": {"31"}, "notice_received": {day}}, http.StatusSeeOther, ""},
			{officer, "close", url.Values{"outcome": {"other.fee_unpaid"}, "reason": {"逾期未缴费"}, "on": {day}}, http.StatusConflict, "缴费期限"},
			{officer, "paid", url.Values{"on": {day}}, http.StatusSeeOther, ""},
			{officer, "close", url.Values{"outcome": {"withheld.everything"}, "reason": {"x"}, "on": {day}}, http.StatusBadRequest, "办理结果"},
			{officer, "close", url.Values{"outcome": {"partially_disclosed"}, "reason": {"部分内容涉及个人信息"}, "on": {day},
				"attached": {"窗口办件量统计表（已删除个人信息）"}}, http.StatusBadRequest, "不予公开部分的理由"},
			{officer, "close", url.Values{"outcome": {"partially_disclosed"}, "reason": {"部分内容涉及个人信息", "x"}, "on": {day},
				"withheld": {"withheld.third_party"}, "attached": {"窗口办件量统计表（已删除个人信息）"}}, http.StatusSeeOther, ""},
			{officer, "deliver", url.Values{"via": {"电子邮件"}, "on": {day}}, http.StatusSeeOther, ""},
		}
		for _, s := range steps {
			res, body := s.who.post(base+"/"+s.step, s.form)
			if res.StatusCode != s.status || !strings.Contains(body, s.want) {
				t.Fatalf("%s %v: status %d, want %d with %q\n%s", s.step, s.form, res.StatusCode, s.status, s.want, body)
			}
		}
		c, _ = db.Case(ctx, c.ID)
		if c.Fee.Yuan != 10 || c.Extension.Days != 10 || c.Extension.NoticeOn != today || c.Closing.Outcome != cases.PartiallyDisclosed ||
			c.Delivered.Via != "电子邮件" || c.OriginalRequest != "2025年政务服务大厅窗口办件量统计" || len(c.CorrectionItems) != 2 {
			t.Errorf("case after the steps: %+v", c)
		}
		res, body = officer.post(base+"/letters", url.Values{"kind": {"answer"}})
		wantStatus(t, "answer letter", res, body, http.StatusSeeOther)
		all, _ := db.CaseLetters(ctx, c.ID)
		if len(all) != 4 || all[1].Kind != cases.LetterConsultation || all[1].Addressee != "长治市某某信息技术有限公司" {
			t.Fatalf("letters %+v", all)
		}
		consultation, letters := all[1], all[3:]
		if !strings.Contains(strings.Join(all[0].Paragraphs, ""), "2. 请写明所需的窗口") || !strings.Contains(strings.Join(letters[0].Paragraphs, ""), "“2025年全年政务服务大厅窗口办件量统计”") {
			t.Errorf("the 补正 letter lacks an item or the answer does not quote the corrected request: %+v", all)
		}
		if len(letters) != 1 || !strings.HasSuffix(letters[0].Number, "〔"+strconv.Itoa(today.Year)+"〕"+strconv.Itoa(letterSeq(t, db, e.ids[demo.Bureau], today.Year))+"号") {
			t.Fatalf("letters %+v", letters)
		}
		letterPDF := base + "/letters/" + strconv.FormatInt(letters[0].ID, 10) + "/pdf"
		res, body = officer.get(letterPDF)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") {
			t.Errorf("letter PDF: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		// The letter names the applicant in full: only the agency's case
		// officers may download it, not readers who see masked data.
		if res, _ := supervisor.get(letterPDF); res.StatusCode != http.StatusForbidden {
			t.Errorf("supervisor downloads the unmasked letter: %d", res.StatusCode)
		}
		page := status("已办结", "部分公开", "政府信息公开申请答复书", "六十日", "六个月", letters[0].Number, "政府信息公开申请补正告知书")
		if strings.Contains(page, consultation.Title) || strings.Contains(page, consultation.Number) {
			t.Error("the status page offers the letter to the consulted third party")
		}
		res, _ = anon.post("/cases/status/letter", url.Values{"query_no": {no}, "secret": {secret},
			"letter": {strconv.FormatInt(consultation.ID, 10)}, "format": {"pdf"}})
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("the third party's letter downloads from the status page: %d", res.StatusCode)
		}
		res, body = anon.post("/cases/status/letter", url.Values{"query_no": {no}, "secret": {secret},
			"letter": {strconv.FormatInt(letters[0].ID, 10)}, "format": {"docx"}})
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(body, "PK") {
			t.Errorf("letter DOCX on the status page: %d", res.StatusCode)
		}
		res, _ = anon.post("/cases/status/letter", url.Values{"query_no": {no}, "secret": {"x"}, "letter": {"1"}, "format": {"pdf"}})
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("letter with a wrong secret: %d", res.StatusCode)
		}

		entries, err := db.AuditEntries(ctx, store.AuditFilter{AgencyIDs: []int64{e.ids[demo.Bureau]}, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for _, en := range entries {
			if strings.Contains(en.Before+en.After, webTestID) || strings.Contains(en.Before+en.After, "13912340000") {
				t.Errorf("audit entry %d %s carries unmasked personal data", en.Seq, en.Action)
			}
		}
	})
}

// letterSeq is the agency's last 文号 of the year: the demo issued some.
func letterSeq(t *testing.T, db *store.DB, agencyID int64, year int) int {
	t.Helper()
	max := 0
	list, err := db.Cases(context.Background(), store.CaseFilter{AgencyIDs: []int64{agencyID}, Limit: 5000})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		ls, _ := db.CaseLetters(context.Background(), c.ID)
		for _, l := range ls {
			if l.IssuedOn.Year == year {
				max++
			}
		}
	}
	return max
}
