package web

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/gongkai/gongkai/internal/audit"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/extract"
)

// Extractor reads uploaded documents out of the server's process: every
// import workbook and audited report goes through it (and every attachment,
// through jobs.AttachmentTexts), so a hostile file costs at most the limits
// of a child process (sandbox.Pool is the implementation serve passes in).
type Extractor interface {
	// Report reads a published annual report.
	Report(ctx context.Context, name string, data []byte) (*audit.Result, error)
	// Sheet returns the rows of a workbook's first sheet, or
	// extract.ErrTooManyRows.
	Sheet(ctx context.Context, name string, data []byte) ([][]string, error)
}

// readFailure returns what the user is told of a document that could not
// be read: the limit it went over, the message of a user-facing error, or
// fallback.
func readFailure(err error, fallback string) string {
	if msg := extract.LimitMessage(err); msg != "" {
		return msg
	}
	if msg := errs.Message(err); msg != "" {
		return msg
	}
	return fallback
}

// importFile reads an import file into items: a workbook in the sandbox,
// a CSV file here (encoding/csv reads it as a stream, within maxImport).
func (s *Server) importFile(ctx context.Context, name string, data []byte, cols []catalog.Column) ([]catalog.Item, []catalog.RowError, error) {
	if strings.ToLower(filepath.Ext(name)) != ".xlsx" {
		return catalog.ReadImport(name, data, cols)
	}
	rows, err := s.cfg.Extractor.Sheet(ctx, name, data)
	switch {
	case errors.Is(err, extract.ErrTooManyRows):
		return nil, nil, errs.Invalid("一次最多导入 %d 行", catalog.MaxImportRows)
	case errors.Is(err, extract.ErrLimit):
		return nil, nil, errs.Invalid("%s", extract.LimitMessage(err))
	case errors.Is(err, errs.ErrConflict):
		return nil, nil, err // the sandbox is busy
	case err != nil:
		s.log.InfoContext(ctx, "import: workbook not read", "name", name, "err", err)
		return nil, nil, errs.Invalid("无法读取 XLSX 文件，请确认文件完好并另存为 .xlsx 后重试")
	}
	if len(rows) > catalog.MaxImportRows+1 {
		return nil, nil, fmt.Errorf("web: import: %d rows past the sandbox's cap", len(rows))
	}
	return catalog.ReadImportRows(rows, cols)
}
