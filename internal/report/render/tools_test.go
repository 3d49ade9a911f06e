package render

import (
	"fmt"
	"os/exec"
	"testing"

	"github.com/gongkai/gongkai/internal/testenv"
)

// requireTool returns the path of a command-line tool the test needs, or
// skips the test loudly, naming the Debian package that provides it. CI
// installs these packages and sets GONGKAI_REQUIRE_TOOLS=1, so a missing
// tool fails there.
func requireTool(t *testing.T, name, debianPackage string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		testenv.Skip(t, "GONGKAI_REQUIRE_TOOLS", fmt.Sprintf("%s not found; install the Debian package %s (apt-get install -y %s) to run these checks", name, debianPackage, debianPackage))
	}
	return path
}
