package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxXLSXUnzipped is the most all parts of a workbook may inflate to;
// worksheets larger than maxXLSXInMemory are kept in a temporary file by
// the library instead of in memory.
const (
	maxXLSXUnzipped = 128 << 20
	maxXLSXInMemory = 16 << 20
)

// ErrStopSheets, returned by SheetRows' callback, stops reading quietly.
var ErrStopSheets = errors.New("extract: stop reading sheets")

// SheetRows calls each for every row of every sheet of an XLSX workbook,
// in order, with the row's cells as displayed (trailing empty cells
// dropped). It reads one row at a time (never the padded grid of a whole
// sheet), so a sheet's cost is its rows, and refuses with a LimitError a
// workbook that inflates too far, a row wider than column ZZ, or more cells
// than a budget. each may return ErrStopSheets to stop reading.
func SheetRows(data []byte, each func(sheet string, row []string) error) error {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: maxXLSXUnzipped, UnzipXMLSizeLimit: maxXLSXInMemory})
	// excelize reports its unzip limit with an unexported error type and
	// no sentinel, so its text is the only way to tell it from a broken file.
	if err != nil && strings.Contains(err.Error(), "unzip size") {
		return overLimit("XLSX 解压后超过 %s", mb(maxXLSXUnzipped))
	}
	if err != nil {
		return fmt.Errorf("XLSX 无法打开: %w", err)
	}
	defer f.Close()
	cells := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			return fmt.Errorf("XLSX 读取工作表 %s: %w", sheet, err)
		}
		err = sheetRows(rows, func(row []string) error {
			if cells += len(row); cells > maxSheetCells {
				return overLimit("XLSX 单元格超过 %d 个", maxSheetCells)
			}
			return each(sheet, row)
		})
		rows.Close()
		if errors.Is(err, ErrStopSheets) {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// sheetRows reads one sheet row by row.
func sheetRows(rows *excelize.Rows, each func(row []string) error) error {
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return fmt.Errorf("XLSX 读取行: %w", err)
		}
		if len(cols) > maxSheetColumn {
			return overLimit("XLSX 一行超过 %d 列", maxSheetColumn)
		}
		for len(cols) > 0 && cols[len(cols)-1] == "" {
			cols = cols[:len(cols)-1]
		}
		if err := each(cols); err != nil {
			return err
		}
	}
	if err := rows.Error(); err != nil {
		return fmt.Errorf("XLSX 读取工作表: %w", err)
	}
	return nil
}

// extractXLSX returns the text of a workbook: each row's non-empty cells
// joined by spaces, a line per row.
func extractXLSX(data []byte) (string, error) {
	var b strings.Builder
	err := SheetRows(data, func(_ string, row []string) error {
		for _, c := range row {
			if c != "" {
				b.WriteString(c)
				b.WriteByte(' ')
			}
		}
		b.WriteByte('\n')
		if b.Len() > maxText {
			return overLimit("文字超过 %s", mb(maxText))
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	return b.String(), nil
}

// ErrTooManyRows is returned by FirstSheet for a sheet longer than asked.
var ErrTooManyRows = errors.New("extract: the sheet has more rows than asked for")

// FirstSheet returns the rows of a workbook's first sheet, at most maxRows
// of them (ErrTooManyRows past that), as an import reads them.
func FirstSheet(data []byte, maxRows int) ([][]string, error) {
	var rows [][]string
	first := ""
	err := SheetRows(data, func(sheet string, row []string) error {
		if first == "" {
			first = sheet
		}
		if sheet != first {
			return ErrStopSheets
		}
		if len(rows) >= maxRows {
			return ErrTooManyRows
		}
		rows = append(rows, row)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rows, nil
}
