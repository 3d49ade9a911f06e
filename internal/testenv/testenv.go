// Package testenv lets tests that need something outside Go (a PostgreSQL
// server, Chromium, poppler-utils, LibreOffice) skip loudly when it is
// missing, and fail instead where it is required (as in CI).
package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// announced remembers which reasons were already printed, so a missing
// server is reported once per test binary, not once per test.
var announced sync.Map

// Skip skips the test and says why where a person will see it. `go test
// ./...` shows nothing of a passing package's output, so the notice also
// goes straight to the controlling terminal when there is one; it goes to
// stderr too, for -v runs and logs. When the environment variable required
// is "1", the test fails instead of skipping.
func Skip(t testing.TB, required, reason string) {
	t.Helper()
	if required != "" && os.Getenv(required) == "1" {
		t.Fatalf("%s (required: %s=1)", reason, required)
	}
	if _, seen := announced.LoadOrStore(reason, true); !seen {
		line := fmt.Sprintf("\n*** SKIPPING tests in %s: %s ***\n", pkgOf(t), reason)
		if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
			_, _ = tty.WriteString(line)
			tty.Close()
		}
		fmt.Fprint(os.Stderr, line)
	}
	t.Skip(reason)
}

// pkgOf names the package under test: go test names the binary after it.
func pkgOf(t testing.TB) string {
	if len(os.Args) > 0 {
		return strings.TrimSuffix(filepath.Base(os.Args[0]), ".test")
	}
	return t.Name()
}
