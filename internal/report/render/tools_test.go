package render

import (
	"os/exec"
	"testing"
)

// requireTool returns the path of a command-line tool the test needs, or
// skips the test loudly, naming the Debian package that provides it. CI
// installs these packages, so a skip there is a configuration error.
func requireTool(t *testing.T, name, debianPackage string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("SKIPPED: %s not found; install the Debian package %s (apt-get install -y %s) to run this check", name, debianPackage, debianPackage)
	}
	return path
}
