package store

import "testing"

func TestFTS5Segments(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		rec  []byte
		want int
		ok   bool
	}{
		{"first format", []byte{0, 0, 0, 7, 3, 5, 0}, 5, true},
		{"second format", []byte{0, 0, 0, 7, 0xff, 0, 0, 1, 11, 18, 0x9c, 0x40}, 18, true},
		{"two-byte count", []byte{0, 0, 0, 7, 2, 0x81, 0x00}, 128, true},
		{"too short", []byte{0, 0}, 0, false},
		{"truncated varint", []byte{0, 0, 0, 7, 2, 0x81}, 0, false},
		{"no count", []byte{0, 0, 0, 7, 2}, 0, false},
	}
	for _, tt := range tests {
		got, err := fts5Segments(tt.rec)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("%s: %d, %v; want %d (ok %v)", tt.name, got, err, tt.want, tt.ok)
		}
	}
}
