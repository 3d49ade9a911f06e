package sandbox

import (
	"os"
	"syscall"
)

// maxRSS returns a finished child's peak resident memory, in bytes.
func maxRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss << 10 // kilobytes on Linux
	}
	return 0
}
