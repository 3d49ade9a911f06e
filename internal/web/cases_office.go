package web

import (
	"fmt"
	"net/http"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/store"
)

type caseListPage struct {
	Page
	Heading   string
	Cases     []caseView
	Overdue   []caseView
	DueSoon   []caseView
	CanHandle bool
	CanManage bool
	Due       bool // the due-soon/overdue view over the agencies below
}

// caseList lists an agency's applications with their due dates.
func (s *Server) caseList(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	all, err := s.db.Agencies(r.Context())
	if err != nil {
		return err
	}
	list, err := s.db.Cases(r.Context(), store.CaseFilter{AgencyIDs: []int64{st.agency.ID}})
	if err != nil {
		return err
	}
	p := &caseListPage{Page: s.page(r, "依申请公开"), Heading: st.agency.Name + " · 依申请公开",
		CanHandle: st.p.Can(auth.HandleCases, st.agency.ID), CanManage: st.p.Can(auth.ManageAgency, st.agency.ID)}
	cal, err := s.calendar(r)
	if err != nil {
		return err
	}
	names, today := agencyNames(all), s.today()
	for _, c := range list {
		p.Cases = append(p.Cases, newCaseView(c, st.p, names, cal, today))
	}
	s.render(w, r, http.StatusOK, "cases", p)
	return nil
}

// caseDue lists the open applications that are overdue or due within five
// working days, of the agency and of every agency below it the user may
// see: the supervisor's view.
func (s *Server) caseDue(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	all, err := s.db.Agencies(r.Context())
	if err != nil {
		return err
	}
	tree := agency.NewTree(all)
	var ids []int64
	for _, a := range all {
		if tree.Within(a.ID, st.agency.ID) && st.p.Can(auth.ViewOffice, a.ID) {
			ids = append(ids, a.ID)
		}
	}
	list, err := s.db.Cases(r.Context(), store.CaseFilter{AgencyIDs: ids, Open: true, Limit: 5000})
	if err != nil {
		return err
	}
	p := &caseListPage{Page: s.page(r, "临期和逾期的申请"), Heading: st.agency.Name + "及下级机关 · 临期和逾期的申请", Due: true}
	cal, err := s.calendar(r)
	if err != nil {
		return err
	}
	names, today := agencyNames(all), s.today()
	for _, c := range list {
		v := newCaseView(c, st.p, names, cal, today)
		switch {
		case v.Overdue():
			p.Overdue = append(p.Overdue, v)
		case v.DueSoon() || v.CorrectionSoon():
			p.DueSoon = append(p.DueSoon, v)
		}
	}
	s.render(w, r, http.StatusOK, "cases_due", p)
	return nil
}

// caseNewForm is the staff entry of an application that came in person, by
// post or by fax.
func (s *Server) caseNewForm(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	p := &caseFormPage{Page: s.page(r, "登记申请"), Subject: st.agency, Staff: true, Options: newCaseFormOptions(),
		Channel: cases.ChannelInPerson, Received: s.today().String(), Action: fmt.Sprintf("/office/a/%d/cases", st.agency.ID)}
	p.Applicant.Kind, p.Applicant.IDType = cases.NaturalPerson, cases.IDResident
	p.Request.Form, p.Request.Receive = cases.FormPaper, cases.ReceivePost
	s.render(w, r, http.StatusOK, "case_form", p)
	return nil
}

// caseCreate records an application from another channel with its day of
// receipt (第三十一条); the applicant's secret is shown once on the case.
func (s *Server) caseCreate(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	appl, req := caseFormValues(r.PostForm)
	p := &caseFormPage{Page: s.page(r, "登记申请"), Subject: st.agency, Staff: true, Applicant: appl, Request: req,
		Options: newCaseFormOptions(), Channel: cases.Channel(r.PostForm.Get("channel")), Received: r.PostForm.Get("received"),
		Action: fmt.Sprintf("/office/a/%d/cases", st.agency.ID)}
	fail := func(err error) error {
		status, _, msg := classify(err)
		if status >= 500 {
			return err
		}
		p.Error = msg
		s.render(w, r, status, "case_form", p)
		return nil
	}
	if p.Channel == cases.ChannelOnline {
		return fail(errs.Invalid("网上申请由申请人在门户提交"))
	}
	received, err := caseFormDate(r.PostForm, "received", "收到申请之日")
	if err != nil {
		return fail(err)
	}
	c, ev, err := cases.NewCase(st.agency.ID, p.Channel, appl, req, received, s.today())
	if err != nil {
		return fail(err)
	}
	secret, err := s.db.CreateCase(r.Context(), c, ev, nil, s.change(r, "case.create"))
	if err != nil {
		return fail(err)
	}
	http.SetCookie(w, &http.Cookie{Name: appliedCookie, Value: c.QueryNo + ":" + secret,
		Path: fmt.Sprintf("/office/a/%d/cases/%d", st.agency.ID, c.ID), MaxAge: 600, HttpOnly: true,
		Secure: s.cfg.Secure, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/cases/%d?ok=created", st.agency.ID, c.ID), http.StatusSeeOther)
	return nil
}

// agencyCase loads the {case} of the path, which must belong to the
// {agency} of the path.
func (s *Server) agencyCase(r *http.Request) (*cases.Case, error) {
	id, err := pathID(r, "case")
	if err != nil {
		return nil, err
	}
	c, err := s.db.Case(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if c.AgencyID != state(r).agency.ID {
		return nil, errs.NotFound("申请不存在")
	}
	return c, nil
}
