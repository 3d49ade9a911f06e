package web

import (
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"

	"github.com/gongkai/gongkai/internal/audit"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/filetype"
	"github.com/gongkai/gongkai/internal/report"
	"github.com/gongkai/gongkai/internal/store"
)

// Upload limits of the auditor page.
const (
	auditorMaxUpload = 64 << 20 // the files of the whole request
	auditorMaxFile   = 20 << 20 // one report
	auditorMaxFiles  = 50
)

// auditorKinds are the formats of a published report the auditor reads,
// checked by content before a runner opens the file.
var auditorKinds = []filetype.Kind{filetype.PDF, filetype.DOCX, filetype.HTML, filetype.Text}

// auditorFile is one uploaded report and what the auditor made of it.
type auditorFile struct {
	Name     string
	Pending  bool // not read yet
	Result   *audit.Result
	Error    string
	Errors   int
	Warnings int
}

type auditorPage struct {
	Page
	Job   int64 // the batch shown, 0 on the upload form
	Files []auditorFile
	Done  int // files read so far
	Error string
}

func (s *Server) auditorForm(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, "auditor", &auditorPage{Page: s.page(r, "年报审查")})
	return nil
}

// auditorRun keeps the uploaded published reports and starts a batch
// audit of them: runners read each file in the sandbox, and the page of the
// job shows the progress, then the findings. The request returns at once.
func (s *Server) auditorRun(w http.ResponseWriter, r *http.Request) error {
	p := &auditorPage{Page: s.page(r, "年报审查")}
	var files []*multipart.FileHeader
	if r.MultipartForm != nil {
		files = r.MultipartForm.File["reports"]
	}
	switch {
	case len(files) == 0:
		p.Error = "请选择要审查的年报文件（PDF、Word、网页或文本）"
	case len(files) > auditorMaxFiles:
		p.Error = fmt.Sprintf("一次最多审查 %d 个文件", auditorMaxFiles)
	}
	if p.Error != "" {
		s.render(w, r, http.StatusBadRequest, "auditor", p)
		return nil
	}
	job := &store.AuditJob{UserID: state(r).p.User.ID}
	for _, fh := range files {
		f := store.AuditJobFile{Name: fh.Filename}
		data, err := readUpload(fh)
		switch {
		case errs.Message(err) != "":
			f.State, f.Error = store.TextDone, errs.Message(err)
		case err != nil:
			return err
		default:
			if f.BlobKey, err = s.blobs().Put(r.Context(), data); err != nil {
				return err
			}
		}
		job.Files = append(job.Files, f)
	}
	if err := s.db.CreateAuditJob(r.Context(), job); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/office/auditor/jobs/%d", job.ID), http.StatusSeeOther)
	return nil
}

// auditorJob shows a batch audit of the user's: the files read so far, and
// once all are read, the findings with the cross-year rules across reports
// of one agency. The page reloads itself while files are being read.
func (s *Server) auditorJob(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "job")
	if err != nil {
		return err
	}
	job, err := s.db.AuditJobOf(r.Context(), state(r).p.User.ID, id)
	if err != nil {
		return err
	}
	p := &auditorPage{Page: s.page(r, "年报审查"), Job: job.ID, Done: job.Done()}
	var results []*audit.Result
	for _, jf := range job.Files {
		f := auditorFile{Name: jf.Name, Pending: jf.State != store.TextDone, Error: jf.Error}
		if jf.Result != "" {
			f.Result = &audit.Result{}
			if err := json.Unmarshal([]byte(jf.Result), f.Result); err != nil {
				return fmt.Errorf("web: audit job %d file %d: %w", job.ID, jf.ID, err)
			}
			results = append(results, f.Result)
		}
		p.Files = append(p.Files, f)
	}
	if p.Done < len(p.Files) {
		p.Refresh = 2
	} else {
		audit.Audit(results) // the cross-year rules, once every report is read
	}
	for i := range p.Files {
		if res := p.Files[i].Result; res != nil {
			for _, fd := range res.Findings {
				if fd.Severity == report.SeverityError {
					p.Files[i].Errors++
				} else {
					p.Files[i].Warnings++
				}
			}
		}
	}
	s.render(w, r, http.StatusOK, "auditor", p)
	return nil
}

// readUpload reads one uploaded report, within the size limit.
func readUpload(fh *multipart.FileHeader) ([]byte, error) {
	if fh.Size > auditorMaxFile {
		return nil, errs.Invalid("文件超过 %d MB", auditorMaxFile>>20)
	}
	f, err := fh.Open()
	if err != nil {
		return nil, fmt.Errorf("open upload: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, auditorMaxFile+1))
	if err != nil {
		return nil, fmt.Errorf("read upload: %w", err)
	}
	if len(data) > auditorMaxFile {
		return nil, errs.Invalid("文件超过 %d MB", auditorMaxFile>>20)
	}
	if _, err := filetype.Check(fh.Filename, data, auditorKinds...); err != nil {
		return nil, err
	}
	return data, nil
}
