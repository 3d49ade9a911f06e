package web

import (
	"net/http"
	"strings"

	"github.com/gongkai/gongkai/internal/cases"
)

// caseStatusCorrection takes the corrected request an applicant sends from
// the status page while a 补正 is awaited: text and attachments, checked as
// on the application form and stored in the blob store as its files are.
// It is the case's correction_submitted step; the staff then confirm its
// receipt, which restarts the answer period. The status page is shown
// again, as the secret is posted and never put in a redirect.
func (s *Server) caseStatusCorrection(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f := r.PostForm
	p := &caseStatusPage{Page: s.page(r, "查询申请办理进度"), QueryNo: strings.TrimSpace(f.Get("query_no"))}
	secret := strings.TrimSpace(f.Get("secret"))
	c, err := s.db.CaseByQuery(r.Context(), p.QueryNo, secret)
	if err != nil {
		return err
	}
	fail := func(refused error) error { // the page again, with what was typed
		if err := s.fillCaseStatus(r, p, c); err != nil {
			return err
		}
		p.Secret, p.CorrectionDraft = secret, f.Get("description")
		w.Header().Set("Cache-Control", "no-store")
		return s.caseStatusError(w, r, p, refused)
	}
	files, err := caseFiles(r)
	if err != nil {
		return fail(err)
	}
	for i := range files { // into the blob store, as the form's attachments
		if files[i].BlobKey, err = s.blobs().Put(r.Context(), files[i].Data); err != nil {
			return err
		}
		files[i].Data, files[i].Correction = nil, true
	}
	ch := s.change(r, "case.correction_submit")
	ch.Actor = "public"
	today := s.today()
	after, err := s.db.CaseStepWithFiles(r.Context(), c.ID, func(c *cases.Case) (cases.Event, error) {
		return c.SubmitCorrection(f.Get("description"), len(files), today)
	}, files, ch)
	if err != nil {
		return fail(err)
	}
	if err := s.fillCaseStatus(r, p, after); err != nil {
		return err
	}
	p.Secret, p.Notice = secret, "补正已提交，工作人员确认收到后，答复期限自次日重新起算。"
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "case_status", p)
	return nil
}
