package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// TestCaseStaffEntryAndTemplates records an application received by
// registered post, shows its secret once, answers it with the agency's own
// template and 文号 prefix, and checks the due-soon list of a supervisor.
func TestCaseStaffEntryAndTemplates(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		bureau := strconv.FormatInt(e.ids[demo.Bureau], 10)
		office := "/office/a/" + bureau
		today := calendar.DateOf(e.now)
		officer, admin := e.login("spj-officer"), e.login("spj-admin")

		form := applicationForm()
		form.Set("channel", "registered_post")
		form.Set("received", today.AddDays(1).String())
		res, body := officer.post(office+"/cases", form)
		wantStatus(t, "future receipt day", res, body, http.StatusBadRequest, "不能晚于今天")
		form.Set("channel", "online")
		res, body = officer.post(office+"/cases", form)
		wantStatus(t, "online by staff", res, body, http.StatusBadRequest, "门户")
		form.Set("channel", "registered_post")
		form.Set("received", today.String())
		res, body = officer.post(office+"/cases", form)
		wantStatus(t, "staff entry", res, body, http.StatusSeeOther)
		casePage := strings.TrimSuffix(res.Header.Get("Location"), "?ok=created")
		_, body = officer.get(casePage)
		m := secretRe.FindStringSubmatch(body)
		if m == nil || !strings.Contains(body, "挂号信") || !strings.Contains(body, "签收之日") {
			t.Fatalf("the new case does not show its secret and channel rule:\n%s", body)
		}
		if _, body = officer.get(casePage); secretRe.MatchString(body) {
			t.Error("the secret is shown twice")
		}
		id, _ := strconv.ParseInt(casePage[strings.LastIndex(casePage, "/")+1:], 10, 64)
		c, err := db.Case(ctx, id)
		if err != nil || c.Stage != cases.StageInProgress || c.Received != today || c.SecretHash != cases.HashSecret(m[1]) {
			t.Fatalf("stored case %+v %v", c, err)
		}

		tpl := office + "/letter-templates"
		if res, _ := officer.get(tpl); res.StatusCode != http.StatusForbidden {
			t.Errorf("a case officer may edit templates: %d", res.StatusCode)
		}
		res, body = admin.post(tpl, url.Values{"kind": {"answer"}, "text": {"{{.Nonsense}}"}})
		wantStatus(t, "broken template", res, body, http.StatusBadRequest, "文书模板有误")
		res, body = admin.post(tpl, url.Values{"kind": {"answer"}, "text": {"{{.Applicant}}您好：您申请的“{{.Request}}”，{{.Decision}}。"}})
		wantStatus(t, "template doubling a full stop", res, body, http.StatusBadRequest, "「。。」")
		res, body = admin.post(tpl, url.Values{"kind": {"answer"}, "text": {"{{.Applicant}}您好：您申请的“{{.Request}}”，{{.Decision}}\n\n依据：{{.Basis}}。复议机关：{{.ReviewBody}}。"}})
		wantStatus(t, "own template", res, body, http.StatusSeeOther)
		res, body = admin.post(tpl, url.Values{"kind": {"prefix"}, "text": {"长审批公开"}})
		wantStatus(t, "prefix", res, body, http.StatusSeeOther)

		// The 复议机关 and court are settings the admin confirms; the tree
		// suggests the city government for a department.
		_, body = admin.get(tpl)
		if !strings.Contains(body, "按机关层级建议的复议机关为“长治市人民政府”") {
			t.Error("the settings do not show the suggested 复议机关")
		}
		settings := office + "/letter-settings"
		if res, _ := officer.post(settings, url.Values{"review_body": {"长治市人民政府"}, "court": {"长治市潞州区人民法院"}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("a case officer may change the letter settings: %d", res.StatusCode)
		}
		res, body = admin.post(settings, url.Values{"review_body": {"长治市人民政府"}, "court": {"人民法院"}})
		wantStatus(t, "bare court", res, body, http.StatusBadRequest, "全称")
		res, body = admin.post(settings, url.Values{"review_body": {""}, "court": {"长治市潞州区人民法院"}})
		wantStatus(t, "unset 复议机关", res, body, http.StatusSeeOther)

		day := today.String()
		res, body = officer.post(casePage+"/close", url.Values{"outcome": {"unavailable.not_held"}, "not_held": {"elsewhere"},
			"responsible": {"长治市规划和自然资源局"}, "reason": {"本机关未制作该信息"}, "on": {day}})
		wantStatus(t, "another agency's information without its contact", res, body, http.StatusBadRequest, "联系方式")
		res, body = officer.post(casePage+"/close", url.Values{"outcome": {"unavailable.not_held"}, "reason": {"本机关未制作该信息"}, "on": {day}})
		wantStatus(t, "close", res, body, http.StatusSeeOther)
		res, body = officer.post(casePage+"/letters", url.Values{"kind": {"answer"}})
		wantStatus(t, "letter with the 复议机关 unset", res, body, http.StatusBadRequest, "复议机关")
		res, body = admin.post(settings, url.Values{"review_body": {"长治市人民政府"}, "court": {"长治市潞州区人民法院"}})
		wantStatus(t, "settings", res, body, http.StatusSeeOther)
		res, body = officer.post(casePage+"/letters", url.Values{"kind": {"answer"}, "issued_on": {today.AddDays(1).String()}})
		wantStatus(t, "letter dated tomorrow", res, body, http.StatusBadRequest, "不能晚于今天")
		res, body = officer.post(casePage+"/letters", url.Values{"kind": {"answer"}, "issued_on": {day}})
		wantStatus(t, "letter", res, body, http.StatusSeeOther)
		letters, err := db.CaseLetters(ctx, id)
		if err != nil || len(letters) != 1 {
			t.Fatalf("letters %v %v", letters, err)
		}
		l := letters[0]
		if l.Title != "政府信息公开申请告知书" || !strings.HasPrefix(l.Number, "长审批公开〔") ||
			len(l.Paragraphs) != 2 || !strings.HasPrefix(l.Paragraphs[0], "孙小梅您好") || !strings.Contains(l.Paragraphs[1], "长治市人民政府") {
			t.Errorf("letter from the agency's template: %+v", l)
		}
		res, body = officer.post(casePage+"/letters", url.Values{"kind": {"extension"}})
		wantStatus(t, "extension notice without an extension", res, body, http.StatusConflict, "没有经批准的延期")

		res, body = officer.get(office + "/cases.csv")
		if res.StatusCode != http.StatusOK || !strings.Contains(body, cases.MaskID(webTestID)) || strings.Contains(body, webTestID) ||
			strings.Contains(body, "13912340000") || !strings.Contains(body, "本机关不掌握相关政府信息") {
			t.Errorf("CSV export: status %d, masked and with the outcome?\n%s", res.StatusCode, body)
		}

		// The city's supervisor sees the overdue demo cases of the bureau and the 教育局.
		_, body = e.login("city-supervisor").get("/office/a/" + strconv.FormatInt(e.ids["长治市人民政府"], 10) + "/cases/due")
		for _, want := range []string{demo.Bureau, "长治市教育局", "已逾期"} {
			if !strings.Contains(body, want) {
				t.Errorf("the supervisor's due list lacks %q", want)
			}
		}
	})
}
