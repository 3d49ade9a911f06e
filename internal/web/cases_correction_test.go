package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// TestCaseCorrectionOnline answers a 补正 from the status page: the form
// shows only while a correction is awaited, refuses what the application
// form refuses and stores nothing then, takes text and files once, and the
// officer's confirmation makes the text the request; after the period the
// page says it has passed and takes nothing.
func TestCaseCorrectionOnline(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		bureau := e.ids[demo.Bureau]
		day := calendar.DateOf(e.now).String()
		anon := e.anonymous()
		officer := e.login("spj-officer")
		pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")

		// begin applies and has the officer confirm and ask for a correction.
		begin := func() (no, secret, base string) {
			no, secret = apply(t, anon, bureau)
			c, err := db.CaseByQuery(ctx, no, secret)
			if err != nil {
				t.Fatal(err)
			}
			base = "/office/a/" + itoa(bureau) + "/cases/" + itoa(c.ID)
			for _, s := range []struct {
				step string
				form url.Values
			}{
				{"confirm", url.Values{"received": {day}}},
				{"correction", url.Values{"notice_on": {day}, "days": {"10"}, "what": {"请写明年份"}}},
			} {
				if res, body := officer.post(base+"/"+s.step, s.form); res.StatusCode != http.StatusSeeOther {
					t.Fatalf("%s: %d\n%s", s.step, res.StatusCode, body)
				}
			}
			return no, secret, base
		}
		no, secret, base := begin()
		look := url.Values{"query_no": {no}, "secret": {secret}}
		res, body := anon.post("/cases/status", look)
		wantStatus(t, "status", res, body, http.StatusOK, `id="submit-correction"`, `enctype="multipart/form-data"`)

		sent := func(text string, files ...upload) (*http.Response, string) {
			form := url.Values{"query_no": {no}, "secret": {secret}, "description": {text}}
			return anon.postMultipart("/cases/status/correction", form, files)
		}
		refused := []struct {
			name   string
			text   string
			files  []upload
			status int
			want   string
		}{
			{"nothing", "", nil, http.StatusBadRequest, "请填写补正后的所需信息描述或上传补正材料"},
			{"not a PDF", "2025年全年窗口办件量", []upload{{"a.pdf", []byte("just text")}}, http.StatusBadRequest, "“a.pdf”的内容不是 PDF 文件"},
			{"four files", "2025年全年窗口办件量", []upload{{"1.pdf", pdf}, {"2.pdf", pdf}, {"3.pdf", pdf}, {"4.pdf", pdf}}, http.StatusBadRequest, "附件最多 3 个"},
			{"too long", strings.Repeat("长", 2001), nil, http.StatusBadRequest, "不能超过 2000 字"},
		}
		for _, tt := range refused {
			res, body := sent(tt.text, tt.files...)
			wantStatus(t, tt.name, res, body, tt.status, tt.want, `id="submit-correction"`)
		}
		c, _ := db.CaseByQuery(ctx, no, secret)
		if files, _ := db.CaseAttachments(ctx, c.ID); len(files) != 0 || !c.CorrectionSubmitted.IsZero() {
			t.Fatalf("a refused correction was stored: %+v", files)
		}
		if res, _ := anon.postMultipart("/cases/status/correction", url.Values{"query_no": {no}, "secret": {"0000"}, "description": {"x"}}, nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("a correction with a wrong code: %d", res.StatusCode)
		}

		res, body = sent("2025年全年政务服务大厅窗口办件量统计", upload{"补正说明.pdf", pdf})
		wantStatus(t, "correction", res, body, http.StatusOK, "补正已提交", `id="correction-sent"`, "申请人在线提交补正，待工作人员确认收到（附件 1 个）")
		if strings.Contains(body, `id="submit-correction"`) {
			t.Error("the form is offered again after the correction")
		}
		res, body = sent("再来一次")
		wantStatus(t, "second correction", res, body, http.StatusConflict, "已于 "+day+" 在线提交补正")
		c, _ = db.CaseByQuery(ctx, no, secret)
		files, _ := db.CaseAttachments(ctx, c.ID)
		if len(files) != 1 || !files[0].Correction || files[0].BlobKey == "" || files[0].Name != "补正说明.pdf" {
			t.Fatalf("correction files %+v", files)
		}
		res, body = officer.get(base)
		wantStatus(t, "case page", res, body, http.StatusOK, `id="correction-online"`, "补正材料")
		res, _ = officer.get(base + "/files/" + itoa(files[0].ID))
		if res.StatusCode != http.StatusOK {
			t.Errorf("the correction's file from the blob store: %d", res.StatusCode)
		}
		if res, body := officer.post(base+"/corrected", url.Values{"on": {day}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("corrected: %d\n%s", res.StatusCode, body)
		}
		c, _ = db.CaseByQuery(ctx, no, secret)
		if c.Request.Description != "2025年全年政务服务大厅窗口办件量统计" || c.CorrectedReceived.String() != day {
			t.Errorf("after confirming the online correction: %+v", c)
		}
		_, body = anon.post("/cases/status", look)
		if !strings.Contains(body, "收到补正后的申请，答复期限自次日重新起算") || strings.Contains(body, `id="correction"`) {
			t.Error("the status page after the confirmation")
		}

		// After the period, the page says so and takes nothing.
		no, secret, _ = begin()
		e.now = e.now.Add(60 * 24 * time.Hour)
		_, body = anon.post("/cases/status", url.Values{"query_no": {no}, "secret": {secret}})
		if !strings.Contains(body, `id="correction-expired"`) || strings.Contains(body, `id="submit-correction"`) {
			t.Errorf("after the period:\n%s", body)
		}
		res, body = sent("太晚了")
		wantStatus(t, "late correction", res, body, http.StatusConflict, "补正期限已于")
	})
}
