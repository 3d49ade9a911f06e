package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/errs"
)

// appliedCookie carries the query number and secret of a fresh application
// from the POST to the confirmation page, so the secret is never in a URL.
const appliedCookie = "gongkai_applied"

// caseFormPage is the application form: the public one of an agency on
// the portal, or the staff entry of another channel (Staff).
type caseFormPage struct {
	Page
	Subject   *agency.Agency
	Staff     bool
	Action    string
	Applicant cases.Applicant
	Request   cases.Request
	Channel   cases.Channel
	Received  string
	Options   caseFormOptions
	Error     string
}

// caseApplyForm shows the public application form of an agency.
func (s *Server) caseApplyForm(w http.ResponseWriter, r *http.Request) error {
	a, err := s.pathAgency(r)
	if err != nil {
		return err
	}
	p := &caseFormPage{Page: s.page(r, "申请公开政府信息"), Subject: a, Options: newCaseFormOptions(),
		Action: fmt.Sprintf("/agencies/%d/apply", a.ID)}
	p.Applicant.Kind, p.Applicant.IDType = cases.NaturalPerson, cases.IDResident
	p.Request.Form, p.Request.Receive = cases.FormEmail, cases.ReceiveEmail
	s.render(w, r, http.StatusOK, "case_form", p)
	return nil
}

// caseApply takes an online application. It awaits the staff's
// confirmation, which fixes the day of receipt (第三十一条第（三）项).
func (s *Server) caseApply(w http.ResponseWriter, r *http.Request) error {
	a, err := s.pathAgency(r)
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	appl, req := caseFormValues(r.PostForm)
	fail := func(err error) error {
		status, _, msg := classify(err)
		if status >= 500 {
			return err
		}
		p := &caseFormPage{Page: s.page(r, "申请公开政府信息"), Subject: a, Applicant: appl, Request: req,
			Options: newCaseFormOptions(), Error: msg, Action: fmt.Sprintf("/agencies/%d/apply", a.ID)}
		s.render(w, r, status, "case_form", p)
		return nil
	}
	c, ev, err := cases.NewCase(a.ID, cases.ChannelOnline, appl, req, calendar.Date{}, s.today())
	if err != nil {
		return fail(err)
	}
	files, err := caseFiles(r)
	if err != nil {
		return fail(err)
	}
	for i := range files { // into the blob store, as catalog attachments
		if files[i].BlobKey, err = s.blobs().Put(r.Context(), files[i].Data); err != nil {
			return err
		}
		files[i].Data = nil
	}
	ch := s.change(r, "case.submit")
	ch.Actor = "public"
	secret, err := s.db.CreateCase(r.Context(), c, ev, files, ch)
	if err != nil {
		return fail(err)
	}
	done := fmt.Sprintf("/agencies/%d/apply/done", a.ID)
	http.SetCookie(w, &http.Cookie{Name: appliedCookie, Value: c.QueryNo + ":" + secret, Path: done,
		MaxAge: 600, HttpOnly: true, Secure: s.cfg.Secure, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, done, http.StatusSeeOther)
	return nil
}

type caseAppliedPage struct {
	Page
	Subject         *agency.Agency
	QueryNo, Secret string
}

// caseApplied shows the query number and secret once, then forgets them.
func (s *Server) caseApplied(w http.ResponseWriter, r *http.Request) error {
	a, err := s.pathAgency(r)
	if err != nil {
		return err
	}
	var no, secret string
	ok := false
	if c, err := r.Cookie(appliedCookie); err == nil {
		no, secret, ok = strings.Cut(c.Value, ":")
	}
	if !ok {
		return errs.NotFound("没有刚提交的申请；如已提交，请使用查询号和查询码查询办理进度")
	}
	http.SetCookie(w, &http.Cookie{Name: appliedCookie, Value: "", Path: r.URL.Path, MaxAge: -1, HttpOnly: true, Secure: s.cfg.Secure})
	w.Header().Set("Cache-Control", "no-store") // the secret must not stay in a cache
	s.render(w, r, http.StatusOK, "case_applied", &caseAppliedPage{Page: s.page(r, "申请已提交"), Subject: a, QueryNo: no, Secret: secret})
	return nil
}

type caseStatusPage struct {
	Page
	QueryNo  string
	Error    string
	Case     *cases.Case
	Agency   *agency.Agency
	Deadline *cases.AnswerDeadline
	Letters  []cases.IssuedLetter
	Secret   string
}

// caseStatusForm asks for the query number and secret.
func (s *Server) caseStatusForm(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, "case_status", &caseStatusPage{Page: s.page(r, "查询申请办理进度")})
	return nil
}

// caseStatus shows an application's stage, due date and, once answered,
// its letters, to whoever holds its query number and secret. Nothing
// personal is shown. The secret is posted, never put in a URL.
func (s *Server) caseStatus(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	p := &caseStatusPage{Page: s.page(r, "查询申请办理进度"), QueryNo: strings.TrimSpace(r.PostForm.Get("query_no"))}
	secret := strings.TrimSpace(r.PostForm.Get("secret"))
	if p.QueryNo == "" || secret == "" {
		p.Error = "请填写查询号和查询码"
		s.render(w, r, http.StatusBadRequest, "case_status", p)
		return nil
	}
	c, err := s.db.CaseByQuery(r.Context(), p.QueryNo, secret)
	if err != nil {
		status, _, msg := classify(err)
		if status >= 500 {
			return err
		}
		p.Error = msg
		s.render(w, r, status, "case_status", p)
		return nil
	}
	if p.Agency, err = s.db.Agency(r.Context(), c.AgencyID); err != nil {
		return err
	}
	m := c.Masked()
	p.Case, p.Secret = &m, secret
	w.Header().Set("Cache-Control", "no-store") // the page carries the secret in its download forms
	cal, err := s.calendar(r)
	if err != nil {
		return err
	}
	if d, ok := c.Deadline(cal, s.today()); ok {
		p.Deadline = &d
	}
	if c.Stage == cases.StageClosed {
		all, err := s.db.CaseLetters(r.Context(), c.ID)
		if err != nil {
			return err
		}
		for _, l := range all {
			if l.Kind.ToApplicant() {
				p.Letters = append(p.Letters, l)
			}
		}
	}
	s.render(w, r, http.StatusOK, "case_status", p)
	return nil
}
