package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/store"
)

type caseDetailPage struct {
	Page
	C        caseView
	Timeline []store.CaseEvent
	Letters  []cases.IssuedLetter
	Files    []cases.Attachment
	Similar  []int64
	// MonthCount is how many applications the same applicant made to the
	// agency earlier in the month of receipt: a hint for 按件计收 and for
	// 第三十五条 (excessive applications).
	MonthCount  int
	Names       map[int64]string
	Others      []agency.Agency
	Outcomes    []cases.OutcomeInfo
	Grounds     []cases.OutcomeInfo
	LetterKinds []cases.LetterKind
	CanHandle   bool
	CanApprove  bool
	Today       string
	// QueryNo and Secret are shown once after a staff entry.
	QueryNo, Secret string
	Error           string
	// Notices are the e-mails to the applicant of the outbox, for the case
	// officers; MailOff says no SMTP server is configured to send them.
	Notices []store.Notification
	MailOff bool
}

// caseDetail shows a case, its timeline, its letters and the next steps.
func (s *Server) caseDetail(w http.ResponseWriter, r *http.Request) error {
	c, err := s.agencyCase(r)
	if err != nil {
		return err
	}
	if ck, err := r.Cookie(appliedCookie); err == nil {
		http.SetCookie(w, &http.Cookie{Name: appliedCookie, Value: "", Path: r.URL.Path, MaxAge: -1, HttpOnly: true, Secure: s.cfg.Secure})
		if no, secret, ok := strings.Cut(ck.Value, ":"); ok && no == c.QueryNo {
			w.Header().Set("Cache-Control", "no-store")
			return s.renderCase(w, r, c, http.StatusOK, "", no, secret)
		}
	}
	return s.renderCase(w, r, c, http.StatusOK, "", "", "")
}

func (s *Server) renderCase(w http.ResponseWriter, r *http.Request, c *cases.Case, status int, msg, queryNo, secret string) error {
	st := state(r)
	ctx := r.Context()
	all, err := s.db.Agencies(ctx)
	if err != nil {
		return err
	}
	p := &caseDetailPage{Page: s.page(r, "申请 "+c.QueryNo), Names: agencyNames(all), Outcomes: cases.Outcomes(),
		Grounds: cases.WithheldGrounds(), LetterKinds: cases.LetterKinds(), CanHandle: st.p.Can(auth.HandleCases, c.AgencyID),
		CanApprove: st.p.Can(auth.Approve, c.AgencyID), Today: s.today().String(), Error: msg,
		QueryNo: queryNo, Secret: secret}
	cal, err := s.calendar(r)
	if err != nil {
		return err
	}
	p.C = newCaseView(c, st.p, p.Names, cal, s.today())
	if len(p.C.Warnings) > 0 {
		s.log.WarnContext(ctx, "case deadline counted without a holiday schedule", "case", c.ID, "warnings", p.C.Warnings)
	}
	for _, a := range all {
		if a.ID != c.AgencyID {
			p.Others = append(p.Others, a)
		}
	}
	if p.Timeline, err = s.db.CaseTimeline(ctx, c.ID); err != nil {
		return err
	}
	if p.Letters, err = s.db.CaseLetters(ctx, c.ID); err != nil {
		return err
	}
	if p.CanHandle {
		if p.Files, err = s.db.CaseAttachments(ctx, c.ID); err != nil {
			return err
		}
		if p.Similar, err = s.db.SimilarCases(ctx, c); err != nil {
			return err
		}
		if p.MonthCount, err = s.db.ApplicantMonthCount(ctx, c); err != nil {
			return err
		}
		if p.Notices, err = s.db.CaseNotifications(ctx, c.ID); err != nil {
			return err
		}
		p.MailOff = !s.cfg.Mail
	}
	s.render(w, r, status, "case", p)
	return nil
}

// caseFile sends an attachment to the agency's case officers.
func (s *Server) caseFile(w http.ResponseWriter, r *http.Request) error {
	c, err := s.agencyCase(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "file")
	if err != nil {
		return err
	}
	f, err := s.db.CaseAttachment(r.Context(), c.ID, id)
	if err != nil {
		return err
	}
	if f.BlobKey != "" {
		if f.Data, err = s.blobs().Get(r.Context(), f.BlobKey); err != nil {
			return err
		}
	}
	w.Header().Set("Content-Type", f.MIME)
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(f.Name))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, err = w.Write(f.Data)
	return err
}
