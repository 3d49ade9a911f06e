package web

import (
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"

	"github.com/gongkai/gongkai/internal/audit"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/extract"
	"github.com/gongkai/gongkai/internal/report"
)

// Upload limits of the auditor page.
const (
	auditorMaxUpload = 64 << 20 // the whole request
	auditorMaxFile   = 20 << 20 // one report
	auditorMaxFiles  = 50
)

// auditorFile is one uploaded report and what the auditor made of it.
type auditorFile struct {
	Name     string
	Result   *audit.Result
	Error    string
	Errors   int
	Warnings int
}

type auditorPage struct {
	Page
	Files []auditorFile
	Error string
}

func (s *Server) auditorForm(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, "auditor", &auditorPage{Page: s.page(r, "年报审查")})
	return nil
}

// auditorRun reads uploaded published reports and shows their findings,
// with the cross-year rules across reports of one agency. Nothing is stored.
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
	var results []*audit.Result
	for _, fh := range files {
		f := auditorFile{Name: fh.Filename}
		res, err := s.readUpload(r.Context(), fh)
		if err != nil {
			if errs.Message(err) == "" && extract.LimitMessage(err) == "" {
				s.log.InfoContext(r.Context(), "auditor: unreadable upload", "file", fh.Filename, "err", err)
			}
			f.Error = readFailure(err, "不是可识别的年度报告（支持文本、HTML 网页、Word（.docx）和带文字层的 PDF），或文件已损坏")
		} else {
			f.Result = res
			results = append(results, res)
		}
		p.Files = append(p.Files, f)
	}
	audit.Audit(results)
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

// readUpload reads one uploaded report in the sandbox.
func (s *Server) readUpload(ctx context.Context, fh *multipart.FileHeader) (*audit.Result, error) {
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
	return s.cfg.Extractor.Report(ctx, fh.Filename, data)
}
