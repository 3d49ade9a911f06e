package audit

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

var bomUTF8 = []byte{0xEF, 0xBB, 0xBF}

// extractText decodes a plain text file: UTF-8 (with or without BOM) as is,
// anything else as GB18030, the superset of GBK and GB2312 that Chinese
// Windows editors save.
func extractText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, bomUTF8)
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("文本既不是 UTF-8 也不是 GB18030: %w", err)
	}
	return string(out), nil
}
