//go:build !linux

package sandbox

import (
	"runtime/debug"
	"time"
)

// confine holds the Go heap under memory; other systems get no kernel
// limits, only the parent's wall-clock timeout.
func confine(memory int64, _ time.Duration) error {
	debug.SetMemoryLimit(memory / 4 * 3)
	return nil
}

// peakRSS is not measured on this system.
func peakRSS() int64 { return 0 }
