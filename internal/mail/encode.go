package mail

import (
	"encoding/base64"
	"mime"
	"strings"
)

// mimeWord encodes a header value with non-ASCII text (RFC 2047).
func mimeWord(s string) string {
	return mime.BEncoding.Encode("UTF-8", s)
}

// base64Lines is s in base64, in lines of 76 characters as RFC 2045 asks.
func base64Lines(s string) string {
	enc := base64.StdEncoding.EncodeToString([]byte(s))
	var b strings.Builder
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return b.String()
}
