package main

import (
	"testing"
	"time"
)

func TestNextAt(t *testing.T) {
	t.Parallel()
	cst := time.FixedZone("CST", 8*3600)
	tests := []struct {
		now, want time.Time
	}{
		{time.Date(2026, 11, 27, 1, 30, 0, 0, cst), time.Date(2026, 11, 27, 3, 0, 0, 0, cst)},
		{time.Date(2026, 11, 27, 3, 0, 0, 0, cst), time.Date(2026, 11, 28, 3, 0, 0, 0, cst)},
		{time.Date(2026, 11, 27, 15, 0, 0, 0, cst), time.Date(2026, 11, 28, 3, 0, 0, 0, cst)},
		{time.Date(2026, 12, 31, 23, 59, 0, 0, cst), time.Date(2027, 1, 1, 3, 0, 0, 0, cst)},
	}
	for _, tt := range tests {
		if got := nextAt(tt.now, 3); !got.Equal(tt.want) {
			t.Errorf("nextAt(%s) = %s, want %s", tt.now, got, tt.want)
		}
	}
}
