package web

import (
	"strings"
	"testing"
)

// FuzzAcceptsGzip feeds acceptsGzip arbitrary Accept-Encoding values: it
// must not panic, must ignore ASCII case (codings and parameter names are
// case-insensitive), and a value that ends by refusing gzip must refuse it
// whatever came before.
func FuzzAcceptsGzip(f *testing.F) {
	for _, s := range []string{"", "gzip", "gzip;q=0", "br;q=1.0, gzip;q=0.8", "*", "*;q=0, identity",
		"x-gzip; q=0.5", "gzip;q=1e-3", "gzip;q=", ",,;", "gzip;level=1;q=0.2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := acceptsGzip([]string{s})
		upper := strings.Map(func(r rune) rune {
			if 'a' <= r && r <= 'z' {
				return r - 'a' + 'A'
			}
			return r
		}, s)
		if acceptsGzip([]string{upper}) != got {
			t.Errorf("%q and %q disagree", s, upper)
		}
		if acceptsGzip([]string{s, "gzip;q=0"}) || acceptsGzip([]string{s + ", gzip;q=0"}) {
			t.Errorf("%q followed by gzip;q=0 accepts gzip", s)
		}
	})
}
