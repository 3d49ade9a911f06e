package extract

import (
	"fmt"
	"strings"
	"testing"
)

func TestToUnicode(t *testing.T) {
	tests := []struct {
		name  string
		cmap  string
		codes []string // each code's bytes, in hex
		want  string
	}{
		{
			name: "one range over all two-byte codes (fpdf, tFPDF, gongkai's renderer)",
			cmap: "1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange",
			// Every code past U+00FF, which the library misreads: it kept
			// only the low byte, so 「收」 (U+6536) and 「申」 (U+7533) of a
			// vertical label became the junk digits 6 and 3.
			codes: []string{"4E09", "3001", "672C", "5E74", "6536", "7533", "0031"},
			want:  "三、本年收申1",
		},
		{
			name:  "range crossing a byte boundary, poppler-style",
			cmap:  "1 beginbfrange <00F0> <0110> <4E00> endbfrange",
			codes: []string{"00F0", "0100", "0110"},
			want:  "\u4e00\u4e10\u4e20",
		},
		{
			name:  "bfchar before ranges, array destinations, surrogate pairs",
			cmap:  "2 beginbfchar <0003> <0020> <0004> <D840DC00> endbfchar 1 beginbfrange <0010> <0012> [<5E74> <6708> <65E5>] endbfrange",
			codes: []string{"0003", "0004", "0010", "0011", "0012"},
			want:  " 𠀀年月日",
		},
		{
			name:  "unknown code",
			cmap:  "1 beginbfchar <0001> <0041> endbfchar",
			codes: []string{"0002"},
			want:  "\ufffd",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &toUnicode{chars: map[uint32]string{}}
			if !m.parse([]byte(tt.cmap)) {
				t.Fatal("parse refused the map")
			}
			var got strings.Builder
			for _, c := range tt.codes {
				got.WriteString(m.Decode(string(decodeHex([]byte(c)))))
			}
			if got.String() != tt.want {
				t.Errorf("decoded %q, want %q", got.String(), tt.want)
			}
		})
	}
}

func TestToUnicodeBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("beginbfchar ")
	for i := 0; i <= maxCMapEntries; i++ {
		fmt.Fprintf(&b, "<%06X> <0041> ", i)
		if i%1000 == 999 {
			b.WriteString("endbfchar beginbfchar ")
		}
	}
	b.WriteString("endbfchar")
	m := &toUnicode{chars: map[uint32]string{}}
	if m.parse([]byte(b.String())) {
		t.Errorf("a map of %d entries was kept", len(m.chars))
	}
}

func FuzzToUnicode(f *testing.F) {
	f.Add([]byte("1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange"))
	f.Add([]byte("2 beginbfchar <0003> <0020> <04> <D840DC00> endbfchar 1 beginbfrange <0010> <0012> [<5E74> <6708> <65E5>] endbfrange"))
	f.Add([]byte("beginbfrange <FFFFFFFF> <FFFFFFFF> <FFFF> <00> <0> [ [ <> ] endbfrange <<"))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer watchFuzz(len(data))()
		m := &toUnicode{chars: map[uint32]string{}}
		m.parse(data)
		for _, code := range []string{"\x00", "\x00\x10", "\xff\xff", "\x01\x02\x03\x04"} {
			_ = m.Decode(code)
		}
	})
}
