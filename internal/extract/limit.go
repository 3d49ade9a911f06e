package extract

import (
	"errors"
	"fmt"
)

// ErrLimit matches every LimitError with errors.Is.
var ErrLimit = errors.New("文件过大或结构异常，未能读取")

// LimitError reports a document that went over one of a reader's budgets:
// a hostile or broken file, or one far larger than any published report.
// Its message names the budget, so the user learns which limit was hit.
type LimitError struct {
	// What names the budget in Chinese, e.g. "PDF 内容流解压后超过 16 MB".
	What string
}

// Error returns the message shown to users.
func (e *LimitError) Error() string {
	return fmt.Sprintf("%v：%s", ErrLimit, e.What)
}

// Is makes errors.Is(err, ErrLimit) true for every LimitError.
func (e *LimitError) Is(target error) bool { return target == ErrLimit }

// overLimit returns a LimitError for a budget of the given kind.
func overLimit(format string, args ...any) error {
	return &LimitError{What: fmt.Sprintf(format, args...)}
}

// Budgets of the readers. Published reports and attachments are far below
// each; a file over one is refused, never read in part.
const (
	// maxText is the most text a document may yield.
	maxText = 16 << 20
	// maxXMLElements bounds the elements of one XML part (DOCX, XLSX).
	maxXMLElements = 2_000_000
	// maxXMLDepth bounds how deep XML elements nest.
	maxXMLDepth = 256
	// maxTableCells bounds the table cells of a DOCX or HTML document.
	maxTableCells = 200_000
	// maxHTMLTags bounds the tags of an HTML page (the parsed tree costs
	// about a hundred bytes a node).
	maxHTMLTags = 500_000
	// maxPDFStream is the most a PDF content stream may inflate to.
	maxPDFStream = 16 << 20
	// maxPDFStreams is the most all of a PDF's content streams may inflate to.
	maxPDFStreams = 64 << 20
	// maxPDFOperands bounds the operands before one operator of a content
	// stream (a TJ array's elements included).
	maxPDFOperands = 65_536
	// maxPDFString is the longest string in a content stream.
	maxPDFString = 1 << 20
	// maxPDFNesting bounds how deep arrays and dictionaries nest in a
	// content stream.
	maxPDFNesting = 64
	// maxSheetCells bounds the non-empty cells of all of a workbook's sheets.
	maxSheetCells = 500_000
	// maxSheetColumn is the widest column read (column ZZ); a wider cell is
	// refused, since reports and imports use a few dozen columns.
	maxSheetColumn = 702
	// maxZipPart is the most one part of a DOCX or XLSX may inflate to.
	maxZipPart = 32 << 20
)

// mb renders a byte budget for a message.
func mb(n int) string { return fmt.Sprintf("%d MB", n>>20) }

// LimitMessage returns the message of the LimitError in err's chain, for
// the user, or "" when err is not a limit.
func LimitMessage(err error) string {
	var le *LimitError
	if errors.As(err, &le) {
		return le.Error()
	}
	return ""
}
