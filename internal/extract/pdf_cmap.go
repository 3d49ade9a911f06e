package extract

import (
	"io"
	"sort"
	"unicode"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// Budgets of a font's ToUnicode map, which a hostile file could make
// endless: the maps of report fonts are a few kilobytes.
const (
	// maxCMapStream is the most a ToUnicode stream may inflate to.
	maxCMapStream = 4 << 20
	// maxCMapEntries bounds the bfchar and bfrange entries of one map
	// (ranges are kept as ranges, never expanded).
	maxCMapEntries = 100_000
)

// toUnicode is a font's ToUnicode map read the way poppler reads it: a
// bfrange adds its offset to the whole destination code unit, not only to
// its last byte, so a range such as <0000> <FFFF> <0000> (written by fpdf
// and tFPDF, and by gongkai's own PDF renderer) maps every code to
// itself. The library increments only the last byte, which turns every
// character past U+00FF into another one.
type toUnicode struct {
	chars  map[uint32]string // by code length<<24 | code
	ranges []cmapRange
}

// cmapRange is one bfrange entry: codes lo…hi of n bytes map to dst
// incremented, or to the strings of an array.
type cmapRange struct {
	lo, hi uint32
	n      int
	dst    []uint16
	array  []string
}

// readToUnicode reads a font's ToUnicode stream; it returns nil when there
// is none, it is over its budget or it holds no mapping, and the library's
// decoding is used instead.
func readToUnicode(v pdf.Value) *toUnicode {
	if v.Kind() != pdf.Stream {
		return nil
	}
	rc := v.Reader()
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxCMapStream+1))
	if err != nil || len(data) > maxCMapStream {
		return nil
	}
	m := &toUnicode{chars: map[uint32]string{}}
	if !m.parse(data) || len(m.chars)+len(m.ranges) == 0 {
		return nil
	}
	sort.SliceStable(m.ranges, func(i, j int) bool { return m.ranges[i].before(m.ranges[j].n, m.ranges[j].lo) })
	return m
}

// before orders ranges by code length, then by first code.
func (r cmapRange) before(n int, lo uint32) bool {
	return r.n < n || (r.n == n && r.lo < lo)
}

// rangeProbes is how many ranges starting at or before a code Decode looks
// at: ranges of a real map do not overlap, so the nearest one is the one.
const rangeProbes = 8

// parse reads the bfchar and bfrange sections of a CMap; false means the
// map went over maxCMapEntries.
func (m *toUnicode) parse(data []byte) bool {
	var operands [][]byte // hex strings since the last keyword; nil marks an array
	var array [][]byte
	inArray := false
	section := ""
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case pdfSpace(c):
			i++
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(data) && data[i+1] == '<', c == '>':
			i += 2
		case c == '<':
			j := i + 1
			for j < len(data) && data[j] != '>' {
				j++
			}
			hex := decodeHex(data[i+1 : min(j, len(data))])
			if inArray {
				array = append(array, hex)
			} else {
				operands = append(operands, hex)
			}
			i = j + 1
		case c == '[':
			inArray, array = true, nil
			i++
		case c == ']':
			inArray = false
			m.addArray(operands, array)
			operands = append(operands, nil)
			i++
		case c == '(':
			i, _ = skipLiteral(data, i)
		default:
			j := max(skipRegular(data, i), i+1)
			word := string(data[i:j])
			i = j
			switch word {
			case "beginbfchar", "beginbfrange":
				section, operands = word, nil
			case "endbfchar":
				m.addChars(operands)
				section, operands = "", nil
			case "endbfrange":
				m.addRanges(operands)
				section, operands = "", nil
			default:
				if section == "" {
					operands = nil
				}
			}
		}
		if len(m.chars)+len(m.ranges) > maxCMapEntries {
			return false
		}
	}
	return true
}

// addArray adds the bfrange entry whose destination array has just been
// read: its codes are the last two operands.
func (m *toUnicode) addArray(operands, array [][]byte) {
	if len(operands) < 2 || len(array) == 0 || len(array) > maxCMapEntries {
		return
	}
	lo, hi := operands[len(operands)-2], operands[len(operands)-1]
	r := cmapRange{lo: codeValue(lo), hi: codeValue(hi), n: len(lo)}
	for _, a := range array {
		r.array = append(r.array, utf16String(a))
	}
	if len(lo) == len(hi) && len(lo) > 0 && r.lo <= r.hi {
		m.ranges = append(m.ranges, r)
	}
}

// addChars adds a bfchar section's pairs: code, destination.
func (m *toUnicode) addChars(ops [][]byte) {
	for i := 0; i+1 < len(ops); i += 2 {
		if len(ops[i]) == 0 || len(ops[i]) > 4 || ops[i+1] == nil {
			continue
		}
		m.chars[uint32(len(ops[i]))<<24|codeValue(ops[i])] = utf16String(ops[i+1])
	}
}

// addRanges adds a bfrange section's string entries: lo, hi, destination.
// Entries with an array destination were added as they were read; their
// operands stand here with nil in the destination's place.
func (m *toUnicode) addRanges(ops [][]byte) {
	for i := 0; i+2 < len(ops); i += 3 {
		lo, hi, dst := ops[i], ops[i+1], ops[i+2]
		if dst == nil || len(lo) != len(hi) || len(lo) == 0 || len(lo) > 4 || len(dst)%2 != 0 || len(dst) == 0 {
			continue
		}
		r := cmapRange{lo: codeValue(lo), hi: codeValue(hi), n: len(lo)}
		for j := 0; j+1 < len(dst); j += 2 {
			r.dst = append(r.dst, uint16(dst[j])<<8|uint16(dst[j+1]))
		}
		if r.lo <= r.hi {
			m.ranges = append(m.ranges, r)
		}
	}
}

// Decode returns the text of one code (the bytes of one glyph); a code the
// map does not have is U+FFFD, which checkPDFText counts.
func (m *toUnicode) Decode(raw string) string {
	code := codeValue([]byte(raw))
	if s, ok := m.chars[uint32(len(raw))<<24|code]; ok {
		return s
	}
	// The first range that starts after code, by binary search; the
	// ranges just before it may hold code.
	end := sort.Search(len(m.ranges), func(i int) bool { return !m.ranges[i].before(len(raw), code+1) })
	for i := end - 1; i >= 0 && i >= end-rangeProbes; i-- {
		r := m.ranges[i]
		if r.n != len(raw) || code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.array != nil {
			if int(off) < len(r.array) {
				return r.array[off]
			}
			return string(unicode.ReplacementChar)
		}
		if len(r.dst) == 0 {
			break
		}
		u := append([]uint16(nil), r.dst...)
		u[len(u)-1] += uint16(off)
		return string(utf16.Decode(u))
	}
	return string(unicode.ReplacementChar)
}

// codeValue reads big-endian bytes as a number.
func codeValue(b []byte) uint32 {
	var v uint32
	for _, c := range b[:min(len(b), 4)] {
		v = v<<8 | uint32(c)
	}
	return v
}

// utf16String decodes a destination string of UTF-16BE code units.
func utf16String(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for j := 0; j+1 < len(b); j += 2 {
		u = append(u, uint16(b[j])<<8|uint16(b[j+1]))
	}
	return string(utf16.Decode(u))
}

// decodeHex reads the digits of a hex string, ignoring white space; an odd
// last digit is followed by 0, as the PDF specification says.
func decodeHex(s []byte) []byte {
	var out []byte
	var hi byte
	half := false
	for _, c := range s {
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}
