package web

import (
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/filetype"
)

// maxImport caps an import file.
const maxImport = 16 << 20

type catalogImportPage struct {
	Page
	Headers  []string
	Errors   []catalog.RowError
	Error    string
	Imported int
	Drafts   bool
}

// catalogImportForm shows the bulk import form and the expected headings.
func (s *Server) catalogImportForm(w http.ResponseWriter, r *http.Request) error {
	p := &catalogImportPage{Page: s.page(r, "批量导入信息"), Headers: catalog.ImportHeaders}
	s.render(w, r, http.StatusOK, "catalog_import", p)
	return nil
}

// catalogImport reads a CSV or XLSX file and imports every row, or none
// and a row-by-row error report. Rows with a 发布日期 come in published only
// when the user may also review; otherwise everything comes in as drafts.
func (s *Server) catalogImport(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	p := &catalogImportPage{Page: s.page(r, "批量导入信息"), Headers: catalog.ImportHeaders}
	fail := func(err error) error {
		status, _, msg := classify(err)
		if status >= 500 {
			return err
		}
		p.Error = msg
		s.render(w, r, status, "catalog_import", p)
		return nil
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		return fail(errs.Invalid("请选择要导入的 CSV 或 XLSX 文件"))
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, maxImport+1))
	if err != nil {
		return fmt.Errorf("web: read import: %w", err)
	}
	if len(data) > maxImport { // never import the first part of a file
		return fail(errs.Invalid("导入文件超过 %d MB，请分成几个文件导入", maxImport>>20))
	}
	if _, err := filetype.Check(hdr.Filename, data, filetype.CSV, filetype.XLSX); err != nil {
		return fail(err)
	}
	cols, err := s.db.Columns(r.Context(), st.agency.ID)
	if err != nil {
		return err
	}
	items, bad, err := s.importFile(r.Context(), hdr.Filename, data, cols)
	if err != nil {
		return fail(err)
	}
	if len(bad) > 0 {
		p.Errors = bad
		return fail(errs.Invalid("有 %d 行有误，未导入任何信息；请修改后重新导入", len(bad)))
	}
	themes, genres, err := s.classes(r.Context(), st.agency.ID)
	if err != nil {
		return err
	}
	canPublish := st.p.Can(auth.ReviewInfo, st.agency.ID)
	for i := range items {
		items[i].AuthorID = st.p.User.ID
		// Files name classes by label; items store codes.
		items[i].Topic, items[i].Genre = themes.Code(items[i].Topic), genres.Code(items[i].Genre)
		if items[i].Publisher == "" {
			items[i].Publisher = st.agency.Name
		}
		if !canPublish && items[i].State == catalog.Published {
			items[i].State, items[i].PublishedAt, items[i].CreatedAt, p.Drafts = catalog.Draft, time.Time{}, time.Time{}, true
		}
	}
	if err := s.db.ImportItems(r.Context(), st.agency.ID, items, s.change(r, "item.import")); err != nil {
		return fail(err)
	}
	p.Imported = len(items)
	s.render(w, r, http.StatusOK, "catalog_import", p)
	return nil
}
