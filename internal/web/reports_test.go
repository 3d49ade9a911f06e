package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// reportForm is the editor's form with the demo bureau's 2020 figures,
// one of them changed.
func reportForm(row, col, value string) url.Values {
	f := url.Values{"form": {"report"}}
	figs := map[string]string{
		"licensing.prev_items": "161", "licensing.change": "14", "licensing.decisions": "12209",
		"other_services.prev_items": "111", "other_services.change": "-3", "other_services.decisions": "1301",
		"fees.prev_items": "3", "fees.change": "-1", "procurement.projects": "12", "procurement.amount_wan": "44.2",
	}
	figs[row+"."+col] = value
	for k, v := range figs {
		f.Set("fig."+k, v)
	}
	f.Set("problems", "主动公开意识不强。")
	return f
}

// TestReportWorkflowByRole walks the 2020 report from draft to the portal:
// who may edit, sign off and publish, the live checks, the frozen version
// and the correction.
func TestReportWorkflowByRole(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		bureau := e.ids[demo.Bureau]
		base := fmt.Sprintf("/office/a/%d/reports/2020", bureau)
		approver, officer, admin, supervisor := e.login("spj-approver"), e.login("spj-officer"), e.login("admin"), e.login("city-supervisor")

		// Everyone in the office reads the draft; the supervisor too.
		for _, c := range []*client{approver, officer, supervisor} {
			if res, body := c.get(base); res.StatusCode != 200 || !strings.Contains(body, "12209") {
				t.Fatalf("editor: status %d", res.StatusCode)
			}
		}
		// The approver breaks a figure: the cross-year check points at the cell.
		res, _ := approver.post(base, reportForm("licensing", "prev_items", "160"))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: status %d", res.StatusCode)
		}
		_, body := approver.get(base)
		if !strings.Contains(body, "第二部分 · 行政许可 · 上一年项目数量") || !strings.Contains(body, "应为 161，但 2020 年报告「上一年项目数量」为 160") {
			t.Errorf("no finding for the broken figure:\n%s", body)
		}
		if res, _ := approver.post(base, reportForm("licensing", "decisions", "十二")); res.StatusCode != http.StatusBadRequest {
			t.Errorf("a non-number: status %d, want 400", res.StatusCode)
		}
		glyph := reportForm("licensing", "prev_items", "161")
		glyph.Set("other", "本年度无其他事项😀")
		approver.post(base, glyph)
		if _, body := approver.get(base); !strings.Contains(body, `id="glyphs"`) || !strings.Contains(body, "全部勾稽关系检查通过") {
			t.Errorf("no warning of a glyph the PDF cannot draw, or the fixed figure is still flagged")
		}
		approver.post(base, reportForm("licensing", "prev_items", "161"))
		if _, body := approver.get(base); strings.Contains(body, `id="glyphs"`) {
			t.Errorf("glyph warning without the glyph")
		}

		// Only the agency's own approver signs off; the platform admin may
		// open the page but not sign, the officer may not even post.
		confirm := func() url.Values { return url.Values{"confirm": {"1"}} } // post adds the client's CSRF token
		for name, c := range map[string]*client{"officer": officer, "platform admin": admin, "supervisor": supervisor} {
			if res, _ := c.post(base+"/sign-off", confirm()); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s signs off: status %d, want 403", name, res.StatusCode)
			}
		}
		if res, _ := approver.post(base+"/publish", confirm()); res.StatusCode != http.StatusConflict {
			t.Errorf("publish before sign-off: status %d", res.StatusCode)
		}
		if res, _ := approver.post(base+"/sign-off", confirm()); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("approver signs off: status %d", res.StatusCode)
		}
		if res, _ := approver.post(base+"/publish", confirm()); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("publish: status %d", res.StatusCode)
		}

		// The portal shows it, and the downloads work.
		anon := e.anonymous()
		portal := fmt.Sprintf("/agencies/%d/reports", bureau)
		if _, body := anon.get(portal); !strings.Contains(body, "2020年政府信息公开工作年度报告") {
			t.Errorf("portal list:\n%s", body)
		}
		res, body = anon.get(portal + "/2020")
		if res.StatusCode != 200 || !strings.Contains(body, "12209") || !strings.Contains(body, `href="/report.css"`) || strings.Contains(body, "style=") {
			t.Errorf("portal report: status %d", res.StatusCode)
		}
		for _, f := range []string{"json", "pdf", "docx", "xlsx", "html"} {
			if res, _ := anon.get(portal + "/2020/file/" + f); res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
				t.Errorf("download %s: status %d", f, res.StatusCode)
			}
		}
		if res, _ := anon.get(portal + "/2020/file/odt"); res.StatusCode != 404 {
			t.Errorf("unknown format: status %d", res.StatusCode)
		}
		res, body = anon.get(fmt.Sprintf("/api/v1/agencies/%d/reports/2020", bureau))
		var api struct {
			Applications map[string][7]int `json:"applications"`
			InfoFeeYuan  *float64          `json:"info_fee_yuan"`
			Format       string            `json:"format"`
		}
		if err := json.Unmarshal([]byte(body), &api); err != nil || res.Header.Get("X-Report-Version") != "1" ||
			api.Format != "2019" || api.InfoFeeYuan != nil || api.Applications["received"] != [7]int{2, 0, 0, 0, 0, 0, 2} {
			t.Errorf("API report: status %d, %v, %s", res.StatusCode, err, body)
		}
		if res, _ := anon.get(fmt.Sprintf("/api/v1/agencies/%d/reports/2021", bureau)); res.StatusCode != 404 {
			t.Errorf("API, unpublished year: status %d", res.StatusCode)
		}
		if res, _ := anon.get(portal + "/2021"); res.StatusCode != 404 {
			t.Errorf("unpublished year: status %d", res.StatusCode)
		}

		// A later edit leaves the published version alone; a correction
		// needs a note and becomes version 2; the portal keeps the history.
		approver.post(base, reportForm("procurement", "projects", "13"))
		if _, body := anon.get(portal + "/2020/file/json"); !strings.Contains(body, `"projects": 12`) {
			t.Errorf("published snapshot changed by a later edit")
		}
		approver.post(base+"/sign-off", confirm())
		if res, _ := approver.post(base+"/publish", confirm()); res.StatusCode != http.StatusBadRequest {
			t.Errorf("correction without a note: status %d", res.StatusCode)
		}
		if res, _ := approver.post(base+"/publish", url.Values{"confirm": {"1"}, "change_note": {"更正采购项目数量"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("correction: status %d", res.StatusCode)
		}
		_, body = anon.get(portal + "/2020")
		if !strings.Contains(body, "更正采购项目数量") || !strings.Contains(body, "?version=1") {
			t.Errorf("portal shows no history")
		}
		if _, body := anon.get(portal + "/2020/file/json?version=1"); !strings.Contains(body, `"projects": 12`) {
			t.Errorf("version 1 is not kept")
		}
		if res, _ := anon.get(portal + "/2020?version=9"); res.StatusCode != 404 {
			t.Errorf("unknown version: status %d", res.StatusCode)
		}
	})
}

// TestSupervisorAndLitigation checks the supervisor's overview and
// combined report, and entering a lawsuit that part 四 counts.
func TestSupervisorAndLitigation(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		city, bureau := e.ids["长治市人民政府"], e.ids[demo.Bureau]
		sup := e.login("city-supervisor")
		res, body := sup.get(fmt.Sprintf("/office/a/%d/reports", city))
		if res.StatusCode != 200 || !strings.Contains(body, demo.Bureau) || !strings.Contains(body, "已逾期") {
			t.Errorf("supervisor overview: status %d\n%s", res.StatusCode, body)
		}
		// The bureau never published its report on last year: in January a
		// reminder, from February a warning that it is late.
		if _, body := e.login("spj-editor").get(fmt.Sprintf("/office/a/%d", bureau)); !strings.Contains(body, "年度报告已超过法定期限") && !strings.Contains(body, "前公开，还剩") {
			t.Errorf("no deadline reminder on the bureau's back-office home")
		}
		if res, body := sup.get(fmt.Sprintf("/office/a/%d/reports/2021/combined", city)); res.StatusCode != 200 || !strings.Contains(body, "13012") {
			t.Errorf("combined report: status %d", res.StatusCode)
		}
		if res, _ := sup.get(fmt.Sprintf("/office/a/%d/reports/2021/combined/file/xlsx", city)); res.StatusCode != 200 {
			t.Errorf("combined xlsx: status %d", res.StatusCode)
		}

		lit := fmt.Sprintf("/office/a/%d/litigation", bureau)
		form := url.Values{"kind": {"litigation_after_review"}, "body": {"长治市中级人民法院"}, "filed": {"2021-08-02"},
			"stage": {"已审结"}, "result": {"corrected"}, "decided": {"2021-11-20"}}
		if res, _ := sup.post(lit, url.Values{"kind": form["kind"], "body": form["body"]}); res.StatusCode != http.StatusForbidden {
			t.Errorf("supervisor enters a lawsuit: status %d", res.StatusCode)
		}
		officer := e.login("spj-officer")
		bad := url.Values{"kind": {"litigation_after_review"}, "body": {"法院"}, "filed": {"2021-13-01"}, "stage": {"一审"}, "result": {"pending"}}
		if res, body := officer.post(lit, bad); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "年-月-日") {
			t.Errorf("bad date: status %d", res.StatusCode)
		}
		for _, other := range []string{"999999", strconv.FormatInt(otherAgencyCase(t, db, bureau), 10)} {
			linked := url.Values{"case_id": {other}}
			for k, v := range form {
				linked[k] = v
			}
			if res, body := officer.post(lit, linked); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "本机关没有编号为") {
				t.Errorf("lawsuit linked to case %s of no or another agency: status %d", other, res.StatusCode)
			}
		}
		if res, _ := officer.post(lit, form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("officer enters a lawsuit: status %d", res.StatusCode)
		}
		rl, err := db.LitigationCounts(context.Background(), bureau, 2021)
		if err != nil || rl.LitigationAfterReview.Corrected != 1 || rl.Review.Upheld != 1 || rl.LitigationDirect.Pending != 1 {
			t.Errorf("part 四 of 2021 = %+v, %v", rl, err)
		}
		_, body = sup.get(fmt.Sprintf("/office/a/%d/reports/2021/cells/四.litigation_after_review", bureau))
		if !strings.Contains(body, "长治市中级人民法院") {
			t.Errorf("drill-down does not list the lawsuit:\n%s", body)
		}
		if res, _ := sup.get(fmt.Sprintf("/office/a/%d/reports/2021/cells/五.nothing", bureau)); res.StatusCode != 404 {
			t.Errorf("unknown cell: status %d", res.StatusCode)
		}
	})
}

// otherAgencyCase returns the id of a demo application of another agency
// than the given one.
func otherAgencyCase(t *testing.T, db *store.DB, agencyID int64) int64 {
	t.Helper()
	for id := int64(1); id < 100; id++ {
		c, err := db.Case(context.Background(), id)
		if err == nil && c.AgencyID != agencyID {
			return id
		}
	}
	t.Fatal("the demo has no application of another agency")
	return 0
}
