package catalog

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/gongkai/gongkai/internal/extract"
)

// MaxAttachment is the largest attachment accepted, in bytes.
const MaxAttachment = 20 << 20

// AttachmentKinds are the file extensions accepted as attachments.
var AttachmentKinds = map[string]string{
	".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".png":  "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".txt": "text/plain; charset=utf-8",
}

// ExtractText returns the text of an attachment for search and the privacy
// scan: DOCX and PDF through the report reader (extract.Document), XLSX cell
// by cell, plain text as is; images have none.
func ExtractText(name string, data []byte) (string, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx":
		return extractXLSX(data)
	case ".png", ".jpg", ".jpeg":
		return "", nil
	}
	return extract.Document(name, data)
}

func extractXLSX(data []byte) (string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("catalog: read xlsx: %w", err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return "", fmt.Errorf("catalog: read sheet %s: %w", sheet, err)
		}
		for _, row := range rows {
			b.WriteString(strings.Join(row, " "))
			b.WriteByte('\n')
		}
	}
	return b.String(), nil
}
