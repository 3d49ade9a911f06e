package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report/render"
)

// appliedCookie carries the query number and secret of a fresh application
// from the POST to the receipt page and its PDF for a day, so the secret is
// never in a URL (nor in the access log) and the receipt survives a reload.
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
		MaxAge: receiptAge, HttpOnly: true, Secure: s.cfg.Secure, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, done, http.StatusSeeOther)
	return nil
}

// receiptAge is how long the browser that submitted an application may
// reload its receipt: a day.
const receiptAge = 24 * 60 * 60

type caseAppliedPage struct {
	Page
	Subject *agency.Agency
	Receipt cases.Receipt
	// QueryNo and Secret are the look-up pair; Grouped is the secret in
	// groups of four, for reading aloud.
	QueryNo, Secret, Grouped string
	Receipted                string // the PDF's address
}

// appliedCase returns the case the receipt cookie of the request names,
// with its agency and secret; the secret lives only in that cookie.
func (s *Server) appliedCase(r *http.Request) (*cases.Case, *agency.Agency, string, error) {
	gone := errs.NotFound("没有刚提交的申请（回执在提交申请的浏览器中保留一天）；如已提交，请使用查询号和查询码查询办理进度")
	ck, err := r.Cookie(appliedCookie)
	if err != nil {
		return nil, nil, "", gone
	}
	no, secret, ok := strings.Cut(ck.Value, ":")
	if !ok {
		return nil, nil, "", gone
	}
	c, err := s.db.CaseByQuery(r.Context(), no, secret)
	if errors.Is(err, errs.ErrNotFound) {
		return nil, nil, "", gone
	} else if err != nil {
		return nil, nil, "", err
	}
	a, err := s.db.Agency(r.Context(), c.AgencyID)
	if err != nil {
		return nil, nil, "", err
	}
	return c, a, secret, nil
}

// appliedReceipt builds the 登记回执 of the request's fresh application,
// under the path of an agency that exists.
func (s *Server) appliedReceipt(r *http.Request) (cases.Receipt, *agency.Agency, error) {
	if _, err := s.pathAgency(r); err != nil {
		return cases.Receipt{}, nil, err
	}
	c, a, secret, err := s.appliedCase(r)
	if err != nil {
		return cases.Receipt{}, nil, err
	}
	cal, err := s.calendar(r)
	if err != nil {
		return cases.Receipt{}, nil, err
	}
	return cases.NewReceipt(c, a.Name, a.ContactLine(), secret, cal, s.today()), a, nil
}

// caseApplied shows the receipt of a fresh application: the query number,
// the secret, what was asked and when the answer is due. It stays
// available to the browser that applied for a day (the cookie of
// caseApply); nowhere else shows the secret.
func (s *Server) caseApplied(w http.ResponseWriter, r *http.Request) error {
	rc, a, err := s.appliedReceipt(r)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store") // the secret must not stay in a cache
	s.render(w, r, http.StatusOK, "case_applied", &caseAppliedPage{Page: s.page(r, "申请已提交"), Subject: a, Receipt: rc,
		QueryNo: rc.QueryNo, Secret: rc.Secret, Grouped: cases.GroupSecret(rc.Secret), Receipted: r.URL.Path + "/receipt.pdf"})
	return nil
}

// caseReceiptPDF sends the receipt as a 登记回执 letter PDF.
func (s *Server) caseReceiptPDF(w http.ResponseWriter, r *http.Request) error {
	rc, a, err := s.appliedReceipt(r)
	if err != nil {
		return err
	}
	doc := &render.Letter{Agency: a.Name, Number: "查询号：" + rc.QueryNo, Title: "政府信息公开申请登记回执",
		Addressee: rc.Applicant, Paragraphs: rc.Paragraphs(), Date: rc.Submitted.Time()}
	var buf bytes.Buffer
	if err := render.LetterPDF(&buf, doc); err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape("登记回执-"+rc.QueryNo+".pdf"))
	_, err = w.Write(buf.Bytes())
	return err
}

type caseStatusPage struct {
	Page
	QueryNo string
	Error   string
	Case    *cases.Case
	// Handler is the agency holding the case. (Not "Agency": that field of
	// Page opens the back-office tabs.)
	Handler  *agency.Agency
	Deadline *cases.AnswerDeadline
	// Period is the period running inside the stage (补正, consultation,
	// fee), with its name.
	Period     *cases.Countdown
	PeriodName string
	Timeline   []cases.Step
	Letters    []cases.IssuedLetter
	Secret     string
	// CorrectionDraft is the text of a correction refused, shown again.
	CorrectionDraft string
}

// caseStatusForm asks for the query number, filled in from ?no= (the link
// of the receipt), and the secret, which no link carries.
func (s *Server) caseStatusForm(w http.ResponseWriter, r *http.Request) error {
	no := strings.TrimSpace(r.URL.Query().Get("no"))
	if len(no) > 40 {
		no = ""
	}
	s.render(w, r, http.StatusOK, "case_status", &caseStatusPage{Page: s.page(r, "查询申请办理进度"), QueryNo: no})
	return nil
}

// caseStatus shows an application's stage, due date, every step in plain
// words and the letters addressed to the applicant as they are issued, to
// whoever holds its query number and secret. Nothing personal is shown.
// The secret is posted, never put in a URL.
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
		return s.caseStatusError(w, r, p, err)
	}
	if err := s.fillCaseStatus(r, p, c); err != nil {
		return err
	}
	p.Secret = secret
	w.Header().Set("Cache-Control", "no-store") // the page carries the secret in its forms
	s.render(w, r, http.StatusOK, "case_status", p)
	return nil
}

// caseStatusError shows the status page p with the safe message of err, or
// returns err when it is internal.
func (s *Server) caseStatusError(w http.ResponseWriter, r *http.Request, p *caseStatusPage, err error) error {
	status, _, msg := classify(err)
	if status >= 500 {
		return err
	}
	p.Error = msg
	s.render(w, r, status, "case_status", p)
	return nil
}

// fillCaseStatus puts the masked case, its deadline, running period,
// public timeline and letters to the applicant on the status page.
func (s *Server) fillCaseStatus(r *http.Request, p *caseStatusPage, c *cases.Case) error {
	ctx := r.Context()
	var err error
	if p.Handler, err = s.db.Agency(ctx, c.AgencyID); err != nil {
		return err
	}
	m := c.Masked()
	p.Case, p.QueryNo = &m, c.QueryNo
	cal, err := s.calendar(r)
	if err != nil {
		return err
	}
	today := s.today()
	if d, ok := c.Deadline(cal, today); ok {
		p.Deadline = &d
	}
	if name, d, ok := c.RunningPeriod(cal, today); ok {
		p.PeriodName, p.Period = name, &d
	}
	events, err := s.db.CaseTimeline(ctx, c.ID)
	if err != nil {
		return err
	}
	evs := make([]cases.Event, len(events))
	for i, e := range events {
		evs[i] = e.Event
		if evs[i].On.IsZero() { // a transfer has no legal date: the day it was recorded
			evs[i].On = calendar.DateOf(e.At)
		}
	}
	p.Timeline = cases.PublicTimeline(c, evs)
	all, err := s.db.CaseLetters(ctx, c.ID)
	if err != nil {
		return err
	}
	for _, l := range all {
		if l.Kind.ToApplicant() {
			p.Letters = append(p.Letters, l)
		}
	}
	return nil
}
