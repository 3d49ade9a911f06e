package extract

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var bomUTF8 = []byte{0xEF, 0xBB, 0xBF}

// hasUTF16BOM reports whether data starts with a UTF-16 byte order mark, as
// Windows Notepad's 「Unicode」 files do.
func hasUTF16BOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
}

// extractText decodes a plain text file: UTF-8 (with or without BOM) as is,
// UTF-16 with a BOM, anything else as GB18030, the superset of GBK and
// GB2312 that Chinese Windows editors save.
func extractText(data []byte) (string, error) {
	if hasUTF16BOM(data) {
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("UTF-16 文本解码失败: %w", err)
		}
		return string(out), nil
	}
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
