package web

import (
	"bytes"
	"compress/gzip"
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// minGzipPage is the smallest body the page cache compresses: below about
// a kilobyte the gzip header and the saved bytes are not worth a second
// copy, and the answer fits in one write anyway.
const minGzipPage = 1 << 10

// gzipped returns the gzip-compressed copy of a page with the given header,
// or nil when compressing it is not worth it: small pages, media types that
// are not text (PDF, DOCX and XLSX are compressed already), answers that
// set their own Content-Encoding, and copies no smaller than the page.
func gzipped(header http.Header, body []byte) []byte {
	if len(body) < minGzipPage || len(header["Content-Encoding"]) > 0 || !compressible(header.Get("Content-Type")) {
		return nil
	}
	var buf bytes.Buffer
	// Made once per page and interval, so the default level's few hundred
	// microseconds on a catalog page do not matter.
	zw, err := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	if err != nil {
		return nil // only for an invalid level
	}
	if _, err := zw.Write(body); err != nil {
		return nil // a bytes.Buffer does not fail
	}
	if err := zw.Close(); err != nil || buf.Len() >= len(body) {
		return nil
	}
	return buf.Bytes()
}

// compressible reports whether a body of the media type gains from gzip:
// text, JSON and XML (feeds, the sitemap).
func compressible(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	switch {
	case strings.HasPrefix(mt, "text/"), mt == "application/json", mt == "application/xml",
		strings.HasSuffix(mt, "+xml"), strings.HasSuffix(mt, "+json"):
		return true
	}
	return false
}

// acceptsGzip reports whether a request's Accept-Encoding values accept
// gzip (RFC 9110, section 12.5.3): "gzip" or its alias "x-gzip" with a
// non-zero weight, or else "*" with a non-zero weight. A coding named
// with q=0, or with a weight that does not parse, is refused; an explicit
// gzip entry outweighs "*"; if gzip is named more than once, any refusal
// wins.
func acceptsGzip(values []string) bool {
	named, namedOK, star, starOK := false, true, false, false
	for _, v := range values {
		for elem := range strings.SplitSeq(v, ",") {
			coding, q, ok := parseCoding(elem)
			switch {
			case coding == "":
			case strings.EqualFold(coding, "gzip") || strings.EqualFold(coding, "x-gzip"):
				named = true
				namedOK = namedOK && ok && q > 0
			case coding == "*":
				star, starOK = true, ok && q > 0
			}
		}
	}
	if named {
		return namedOK
	}
	return star && starOK
}

// parseCoding splits one element of Accept-Encoding, such as
// "gzip;q=0.8", into its coding and weight (1 when not given); ok is false
// when a weight is given but is not a number from 0 to 1.
func parseCoding(elem string) (coding string, q float64, ok bool) {
	coding, params, _ := strings.Cut(elem, ";")
	coding, q, ok = strings.TrimSpace(coding), 1, true
	for p := range strings.SplitSeq(params, ";") {
		name, value, found := strings.Cut(p, "=")
		if !found || !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		w, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || w < 0 || w > 1 {
			return coding, 0, false
		}
		q = w
	}
	return coding, q, ok
}
