package web

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/filetype"
)

// Attachment limits of an application.
const (
	maxCaseFiles     = 3
	maxCaseFileBytes = 5 << 20
	// caseMaxUpload caps the files of the whole application form.
	caseMaxUpload = maxCaseFiles * maxCaseFileBytes
)

// caseFormOptions are the choices of the application form.
type caseFormOptions struct {
	Kinds    []cases.ApplicantKind
	IDTypes  []cases.Option
	Forms    []cases.Option
	Receives []cases.Option
	Channels []cases.Channel
}

func newCaseFormOptions() caseFormOptions {
	return caseFormOptions{Kinds: cases.ApplicantKinds(), IDTypes: cases.IDTypeOptions(),
		Forms: cases.FormOptions(), Receives: cases.ReceiveOptions(), Channels: cases.Channels()[1:]}
}

// caseFormValues reads the applicant and the request from a posted form.
func caseFormValues(f url.Values) (cases.Applicant, cases.Request) {
	a := cases.Applicant{
		Kind: cases.ApplicantKind(f.Get("kind")), Name: f.Get("name"), IDType: cases.IDType(f.Get("id_type")),
		IDNumber: f.Get("id_number"), Contact: f.Get("contact"), Phone: f.Get("phone"), Email: f.Get("email"),
		Address: f.Get("address"), Postal: f.Get("postal"),
	}
	if a.Kind.IsOrganization() {
		a.IDType = cases.IDCreditCode
	}
	q := cases.Request{Description: f.Get("description"), DocNumber: f.Get("doc_number"), Purpose: f.Get("purpose"),
		Form: cases.Form(f.Get("form")), Receive: cases.Receive(f.Get("receive"))}
	return a, q
}

// caseFileKinds are the formats an application's attachments may be.
var caseFileKinds = []filetype.Kind{filetype.PDF, filetype.JPEG, filetype.PNG}

// caseFiles reads the attachments of a multipart form: at most three, each
// at most 5 MB, PDF, JPEG or PNG by content (not by name).
func caseFiles(r *http.Request) ([]cases.Attachment, error) {
	if r.MultipartForm == nil {
		return nil, nil
	}
	var out []cases.Attachment
	for _, fh := range r.MultipartForm.File["files"] {
		if fh.Size == 0 && fh.Filename == "" {
			continue
		}
		if len(out) == maxCaseFiles {
			return nil, errs.Invalid("附件最多 %d 个", maxCaseFiles)
		}
		if fh.Size > maxCaseFileBytes {
			return nil, errs.Invalid("附件“%s”超过 %d MB", fh.Filename, maxCaseFileBytes>>20)
		}
		data, err := readPart(fh)
		if err != nil {
			return nil, err
		}
		kind, err := filetype.Check(fh.Filename, data, caseFileKinds...)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSpace(filepath.Base(strings.ReplaceAll(fh.Filename, "\\", "/")))
		if name == "" || name == "." || len([]rune(name)) > 100 {
			name = "附件"
		}
		out = append(out, cases.Attachment{Name: name, MIME: kind.MIME(), Size: int64(len(data)), Data: data})
	}
	return out, nil
}

func readPart(fh *multipart.FileHeader) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, errs.Invalid("附件“%s”无法读取", fh.Filename)
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, io.LimitReader(f, maxCaseFileBytes+1)); err != nil {
		return nil, errs.Invalid("附件“%s”无法读取", fh.Filename)
	}
	if buf.Len() > maxCaseFileBytes {
		return nil, errs.Invalid("附件“%s”超过 %d MB", fh.Filename, maxCaseFileBytes>>20)
	}
	return buf.Bytes(), nil
}

// formDate reads an optional YYYY-MM-DD field; empty is the zero date.
func caseFormDate(f url.Values, name, what string) (calendar.Date, error) {
	v := strings.TrimSpace(f.Get(name))
	if v == "" {
		return calendar.Date{}, nil
	}
	d, err := calendar.ParseDate(v)
	if err != nil {
		return calendar.Date{}, errs.Invalid("%s“%s”不是有效日期（YYYY-MM-DD）", what, v)
	}
	return d, nil
}

// today is the current day in China.
func (s *Server) today() calendar.Date { return calendar.DateOf(s.cfg.Now()) }

// dateText writes a date, or "" for the zero date.
func dateText(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// calendar returns the working-day calendar for case deadlines.
func (s *Server) calendar(r *http.Request) (*calendar.Calendar, error) {
	if s.cfg.Calendar != nil {
		return s.cfg.Calendar, nil
	}
	return s.db.Calendar(r.Context())
}
