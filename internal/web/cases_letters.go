package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report/render"
)

// prefixKind is the letter_templates kind holding an agency's 文号 prefix.
const prefixKind = "prefix"

// letterPrefix returns the agency's 文号 prefix, by default its name
// followed by 依申请.
func (s *Server) letterPrefix(r *http.Request, a *agency.Agency) (string, error) {
	p, err := s.db.LetterTemplate(r.Context(), a.ID, prefixKind)
	if err != nil || p != "" {
		return p, err
	}
	return cases.DefaultLetterPrefix(a.Name), nil
}

// ancestors returns the agencies above a, nearest first.
func (s *Server) ancestors(r *http.Request, a *agency.Agency) ([]agency.Agency, error) {
	var out []agency.Agency
	for id, n := a.ParentID, 0; id != 0 && n < 32; n++ {
		p, err := s.db.Agency(r.Context(), id)
		if err != nil {
			return nil, err
		}
		out = append(out, *p)
		id = p.ParentID
	}
	return out, nil
}

// caseLetterIssue issues a letter of the posted kind on the case, from the
// agency's template, with the next 文号 of its sequence.
func (s *Server) caseLetterIssue(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	c, err := s.agencyCase(r)
	if err != nil {
		return err
	}
	fail := func(err error) error {
		status, _, msg := classify(err)
		if status >= 500 {
			return err
		}
		return s.renderCase(w, r, c, status, msg, "", "")
	}
	kind, err := cases.ParseLetterKind(r.PostForm.Get("kind"))
	if err != nil {
		return fail(errs.Invalid("请选择要出具的文书"))
	}
	text, err := s.db.LetterTemplate(r.Context(), st.agency.ID, string(kind))
	if err != nil {
		return err
	}
	prefix, err := s.letterPrefix(r, st.agency)
	if err != nil {
		return err
	}
	set, err := s.db.LetterSettings(r.Context(), st.agency.ID)
	if err != nil {
		return err
	}
	data := cases.LetterData{Agency: st.agency.Name, ReviewBody: set.ReviewBody, Court: set.Court, Payment: set.Payment,
		Consultee: strings.TrimSpace(r.PostForm.Get("consultee"))}
	cal, err := s.calendar(r)
	if err != nil {
		return err
	}
	today := s.today()
	on := today
	if v := strings.TrimSpace(r.PostForm.Get("issued_on")); v != "" {
		if on, err = calendar.ParseDate(v); err != nil {
			return fail(errs.Invalid("成文日期“%s”无效", v))
		}
	}
	_, err = s.db.IssueLetter(r.Context(), c.ID, st.agency.ID, prefix, func(c *cases.Case) (cases.Letter, error) {
		return cases.ComposeLetter(kind, text, c, data, cal, on, today)
	}, s.change(r, "case.letter"))
	if err != nil {
		return fail(err)
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/cases/%d?ok=saved", st.agency.ID, c.ID), http.StatusSeeOther)
	return nil
}

// caseLetterFile sends a letter of a case as PDF or DOCX to staff.
func (s *Server) caseLetterFile(w http.ResponseWriter, r *http.Request) error {
	c, err := s.agencyCase(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "letter")
	if err != nil {
		return err
	}
	l, err := s.db.CaseLetter(r.Context(), c.ID, id)
	if err != nil {
		return err
	}
	return s.sendLetter(w, r, l, r.PathValue("format"))
}

// caseStatusLetter sends a letter addressed to the applicant, from the day
// it is issued, to whoever holds the case's query number and secret
// (posted, never in a URL).
func (s *Server) caseStatusLetter(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f := r.PostForm
	id, err := strconv.ParseInt(f.Get("letter"), 10, 64)
	if err != nil || f.Get("query_no") == "" || f.Get("secret") == "" {
		return errs.Invalid("请填写查询号、查询码并选择文书")
	}
	c, err := s.db.CaseByQuery(r.Context(), f.Get("query_no"), f.Get("secret"))
	if err != nil {
		return err
	}
	l, err := s.db.CaseLetter(r.Context(), c.ID, id)
	if err != nil {
		return err
	}
	if !l.Kind.ToApplicant() {
		return errs.NotFound("文书不存在")
	}
	return s.sendLetter(w, r, l, f.Get("format"))
}

func (s *Server) sendLetter(w http.ResponseWriter, r *http.Request, l *cases.IssuedLetter, format string) error {
	a, err := s.db.Agency(r.Context(), l.AgencyID)
	if err != nil {
		return err
	}
	doc := &render.Letter{Agency: a.Name, Number: l.Number, Title: l.Title, Addressee: l.Addressee,
		Paragraphs: l.Paragraphs, Date: l.IssuedOn.Time()}
	var buf bytes.Buffer
	var mime string
	switch format {
	case "pdf":
		err, mime = render.LetterPDF(&buf, doc), "application/pdf"
	case "docx":
		err, mime = render.LetterDOCX(&buf, doc), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	default:
		return errs.NotFound("文书格式只有 pdf 和 docx")
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", mime)
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(l.Title+"-"+l.Number+"."+format))
	_, err = w.Write(buf.Bytes())
	return err
}

type letterTemplatesPage struct {
	Page
	Prefix    string
	Templates []letterTemplateForm
	Error     string
	// Settings are the confirmed letter settings; Confirmed is false
	// while none are stored, and the form then shows Suggested.
	Settings  agency.LetterSettings
	Confirmed bool
	// Suggested is the 复议机关 the agency tree suggests.
	Suggested string
}

type letterTemplateForm struct {
	Kind   cases.LetterKind
	Text   string
	Custom bool
}

// letterTemplates shows the agency's letter templates for editing.
func (s *Server) letterTemplates(w http.ResponseWriter, r *http.Request) error {
	return s.renderLetterTemplates(w, r, http.StatusOK, "")
}

func (s *Server) renderLetterTemplates(w http.ResponseWriter, r *http.Request, status int, msg string) error {
	st := state(r)
	p := &letterTemplatesPage{Page: s.page(r, "文书模板"), Error: msg}
	var err error
	if p.Prefix, err = s.letterPrefix(r, st.agency); err != nil {
		return err
	}
	if p.Settings, err = s.db.LetterSettings(r.Context(), st.agency.ID); err != nil {
		return err
	}
	ancestors, err := s.ancestors(r, st.agency)
	if err != nil {
		return err
	}
	p.Suggested = agency.DefaultReviewBody(*st.agency, ancestors)
	p.Confirmed = p.Settings.ReviewBody != "" && p.Settings.Court != ""
	if p.Settings.ReviewBody == "" {
		p.Settings.ReviewBody = p.Suggested
	}
	for _, k := range cases.LetterKinds() {
		t, err := s.db.LetterTemplate(r.Context(), st.agency.ID, string(k))
		if err != nil {
			return err
		}
		f := letterTemplateForm{Kind: k, Text: t, Custom: t != ""}
		if t == "" {
			f.Text = k.DefaultText()
		}
		p.Templates = append(p.Templates, f)
	}
	s.render(w, r, status, "letter_templates", p)
	return nil
}

// letterTemplateSave saves one template (or the 文号 prefix); text equal to
// the built-in one, or the reset button, restores the built-in text.
func (s *Server) letterTemplateSave(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	f := r.PostForm
	kind := f.Get("kind")
	text := strings.ReplaceAll(f.Get("text"), "\r\n", "\n")
	fail := func(err error) error {
		status, _, msg := classify(err)
		if status >= 500 {
			return err
		}
		return s.renderLetterTemplates(w, r, status, msg)
	}
	switch {
	case kind == prefixKind:
		text = strings.TrimSpace(text)
		if text == "" || len([]rune(text)) > 40 {
			return fail(errs.Invalid("文号前缀不能为空，也不能超过 40 字"))
		}
	default:
		k, err := cases.ParseLetterKind(kind)
		if err != nil {
			return fail(errs.Invalid("请选择文书类型"))
		}
		if f.Get("reset") != "" || strings.TrimSpace(text) == strings.TrimSpace(k.DefaultText()) {
			text = ""
		} else if err := cases.CheckTemplate(k, text); err != nil {
			return fail(err)
		}
	}
	if err := s.db.SaveLetterTemplate(r.Context(), st.agency.ID, kind, text, s.change(r, "case.letter_template")); err != nil {
		return fail(err)
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/letter-templates?ok=saved", st.agency.ID), http.StatusSeeOther)
	return nil
}

// letterSettingsSave stores the 复议机关, 管辖法院 and payment details the
// agency admin confirmed.
func (s *Server) letterSettingsSave(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	f := r.PostForm
	set := agency.LetterSettings{ReviewBody: f.Get("review_body"), Court: f.Get("court"), Payment: f.Get("payment")}
	err := set.Validate()
	if err == nil {
		err = s.db.SaveLetterSettings(r.Context(), st.agency.ID, set, s.change(r, "agency.letter_settings"))
	}
	if err != nil {
		status, _, msg := classify(err)
		if status >= 500 {
			return err
		}
		return s.renderLetterTemplates(w, r, status, msg)
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/letter-templates?ok=saved", st.agency.ID), http.StatusSeeOther)
	return nil
}
