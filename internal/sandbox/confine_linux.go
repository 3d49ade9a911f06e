package sandbox

import (
	"bufio"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// confine limits this process: its address space to what it has now plus
// memory, its processor time to cpu (the kernel kills it one second
// later), its Go heap to three quarters of memory (so the collector works
// hard before the cap is hit), and lowers its scheduling priority so that
// the server's requests come first.
func confine(memory int64, cpu time.Duration) error {
	base, err := addressSpace()
	if err != nil {
		return err
	}
	as := uint64(base + memory)
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: as, Max: as}); err != nil {
		return fmt.Errorf("RLIMIT_AS: %w", err)
	}
	secs := uint64(cpu.Round(time.Second) / time.Second)
	if err := syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: secs, Max: secs + 1}); err != nil {
		return fmt.Errorf("RLIMIT_CPU: %w", err)
	}
	debug.SetMemoryLimit(memory / 4 * 3)
	_ = syscall.Setpriority(syscall.PRIO_PROCESS, 0, 10) // best effort: a lower priority only
	return nil
}

// addressSpace returns the process's virtual memory size (VmSize), in
// bytes.
func addressSpace() (int64, error) { return procStatus("VmSize:") }

// peakRSS returns the process's peak resident memory (VmHWM), in bytes,
// or 0 when it cannot be read. Unlike the parent's rusage of the child,
// which on Linux starts from the parent's own peak (the child is cloned
// from it before exec), it counts the child's memory alone.
func peakRSS() int64 {
	n, _ := procStatus("VmHWM:")
	return n
}

// procStatus returns a field of /proc/self/status given in kB, in bytes.
func procStatus(field string) (int64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("%s %q: %w", field, rest, err)
			}
			return kb << 10, nil
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("no %s in /proc/self/status", field)
}
