package web

import (
	"net/http"

	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report/annual"
)

// reportAction reads a workflow form of the path's report: the year, the
// confirmation field (msg asks for it when missing) and the stored record
// composed and checked now.
func (s *Server) reportAction(r *http.Request, msg string) (*annual.Record, *annual.Built, error) {
	year, err := pathYear(r)
	if err != nil {
		return nil, nil, err
	}
	if r.PostForm.Get("confirm") != "1" {
		return nil, nil, errs.Invalid("%s", msg)
	}
	rec, built, err := s.builder().Draft(r.Context(), state(r).agency, year)
	if err != nil {
		return nil, nil, err
	}
	if rec.ID == 0 {
		return nil, nil, errs.NotFound("%d年度报告尚未创建", year)
	}
	return rec, built, nil
}

// reportDraftOverview fills part 一 from the figures, under the five heads,
// for staff to edit; it replaces the current text only when asked.
func (s *Server) reportDraftOverview(w http.ResponseWriter, r *http.Request) error {
	ctx, st := r.Context(), state(r)
	rec, built, err := s.reportAction(r, "请确认用统计数据起草的文字替换总体情况")
	if err != nil {
		return err
	}
	if rec.Prose.Overview, err = annual.DraftOverview(ctx, s.builder().Sources, built, st.agency.ID); err != nil {
		return err
	}
	if err := s.db.SaveAnnualReport(ctx, rec, s.change(r, "report.draft_overview")); err != nil {
		return err
	}
	http.Redirect(w, r, reportURL(st.agency.ID, rec.Year, "?ok=drafted#prose"), http.StatusSeeOther)
	return nil
}

// reportSignOff records the approver's sign-off of a draft that passes
// every error-severity check. Only the agency's own approver signs off.
func (s *Server) reportSignOff(w http.ResponseWriter, r *http.Request) error {
	ctx, st := r.Context(), state(r)
	rec, built, err := s.reportAction(r, "请确认签发")
	if err != nil {
		return err
	}
	if !isApprover(st.p, st.agency.ID) {
		return errs.Forbidden("只有本机关的审批人可以签发年度报告")
	}
	if err := annual.CheckSignOff(rec, built); err != nil {
		return s.renderReportEdit(w, r, http.StatusConflict, rec, built, errs.Message(err))
	}
	if err := s.db.SignOffAnnualReport(ctx, rec, st.p.User.ID, s.change(r, "report.sign_off")); err != nil {
		return err
	}
	http.Redirect(w, r, reportURL(st.agency.ID, rec.Year, "?ok=signed_off"), http.StatusSeeOther)
	return nil
}

// reportPublish submits a signed-off report and publishes it on the
// portal as a frozen version; a correction needs a change note.
func (s *Server) reportPublish(w http.ResponseWriter, r *http.Request) error {
	ctx, st := r.Context(), state(r)
	rec, built, err := s.reportAction(r, "请确认报送并公开")
	if err != nil {
		return err
	}
	year := rec.Year
	versions, err := s.db.AnnualReportVersions(ctx, st.agency.ID, year)
	if err != nil {
		return err
	}
	note := r.PostForm.Get("change_note")
	check := annual.CheckPublish(rec, len(versions), note)
	if check == nil && len(built.Errors()) > 0 { // the records changed after the sign-off
		check = errs.Conflict("签发后数据发生变化，报告有%d处错误，请修正后重新签发", len(built.Errors()))
	}
	if check != nil {
		status, _, msg := classify(check)
		return s.renderReportEdit(w, r, status, rec, built, msg)
	}
	v := &annual.Version{PublishedBy: st.p.User.Username, ChangeNote: note,
		Snapshot: annual.Snapshot{Document: *built.Document, Sources: built.Sources, Findings: built.Findings}}
	if err := s.db.PublishAnnualReport(ctx, rec, v, s.change(r, "report.publish")); err != nil {
		return err
	}
	http.Redirect(w, r, reportURL(st.agency.ID, year, "?ok=published"), http.StatusSeeOther)
	return nil
}
