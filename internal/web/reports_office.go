package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report"
	"github.com/gongkai/gongkai/internal/report/annual"
	"github.com/gongkai/gongkai/internal/report/render"
)

// reportNotices are the confirmations of the report pages, by ?ok= code.
var reportNotices = map[string]string{
	"drafted":    "已根据统计数据起草总体情况，请审阅修改后保存。",
	"signed_off": "报告已签发。",
	"published":  "报告已报送并在门户网站公开。",
}

func (s *Server) reportPage(r *http.Request, title string) Page {
	p := s.page(r, title)
	if n, ok := reportNotices[r.URL.Query().Get("ok")]; ok {
		p.Notice = n
	}
	return p
}

func (s *Server) builder() *annual.Builder { return annual.NewBuilder(s.db) }

// pathYear reads the {year} path segment: a reporting year.
func pathYear(r *http.Request) (int, error) {
	y, err := strconv.Atoi(r.PathValue("year"))
	if err != nil || y < 2008 || y > 9998 {
		return 0, errs.NotFound("没有这一年度的报告")
	}
	return y, nil
}

// reportingYear is the year whose report is due now: last year.
func (s *Server) reportingYear() int { return s.cfg.Now().In(chinaTime).Year() - 1 }

// isApprover reports whether the principal holds the approver role in the
// agency itself: only the agency's approver signs its report off.
func isApprover(p *auth.Principal, agencyID int64) bool {
	for _, g := range p.Grants {
		if g.Role == auth.Approver && g.AgencyID == agencyID {
			return true
		}
	}
	return false
}

// reportHTML renders the report fragment for a page of the site.
func reportHTML(d *report.Document) (template.HTML, error) {
	var buf bytes.Buffer
	if err := render.HTML(&buf, d); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil // render.HTML escapes every text it prints
}

// reportFile sends a document as a download in one of render.Formats.
func reportFile(w http.ResponseWriter, d *report.Document, format, name string) error {
	mt := render.MediaType(format)
	if mt == "" {
		return errs.NotFound("没有这种格式：%s", format)
	}
	var buf bytes.Buffer
	if err := render.Write(&buf, format, d); err != nil {
		return err
	}
	w.Header().Set("Content-Type", mt)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename*=UTF-8''%s.%s", url.PathEscape(name), format))
	_, err := buf.WriteTo(w)
	return err
}

// reportDownload sends the agency's current draft of a year as a file.
func (s *Server) reportDownload(w http.ResponseWriter, r *http.Request) error {
	year, err := pathYear(r)
	if err != nil {
		return err
	}
	a := state(r).agency
	_, built, err := s.builder().Draft(r.Context(), a, year)
	if err != nil {
		return err
	}
	return reportFile(w, built.Document, r.PathValue("format"), fmt.Sprintf("%s%d年度报告（草稿）", a.Name, year))
}
