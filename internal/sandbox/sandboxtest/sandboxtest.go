// Package sandboxtest lets a package's tests run real sandbox children: the
// test binary itself acts as `gongkai extract` when started by a Pool made
// here, as os/exec's own tests do with their helper processes.
package sandboxtest

import (
	"fmt"
	"os"
	"testing"

	"github.com/gongkai/gongkai/internal/sandbox"
)

// childEnv marks a test binary started as a sandbox child.
const childEnv = "GONGKAI_SANDBOX_TEST_CHILD=1"

// Main runs the tests, or, in a test binary started by a Pool of this
// package, the child. Call it from TestMain:
//
//	func TestMain(m *testing.M) { sandboxtest.Main(m) }
func Main(m *testing.M) {
	Child()
	os.Exit(m.Run())
}

// Child, in a test binary started by a Pool of this package, is the child:
// it reads the document and exits. Otherwise it returns at once. Call it
// first in a TestMain that does more than run the tests:
//
//	func TestMain(m *testing.M) {
//		sandboxtest.Child()
//		os.Exit(storetest.Main(m))
//	}
func Child() {
	if os.Getenv("GONGKAI_SANDBOX_TEST_CHILD") != "1" {
		return
	}
	if err := sandbox.Serve(os.Args[2:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(0)
}

// Config returns the configuration of a Pool whose children are this test
// binary, with the given limits (zero fields: the defaults).
func Config(lim sandbox.Limits) sandbox.Config {
	return sandbox.Config{Command: []string{os.Args[0], "extract"}, Env: []string{childEnv}, Limits: lim}
}

// Pool returns a Pool whose children are this test binary.
func Pool(lim sandbox.Limits) *sandbox.Pool { return sandbox.New(Config(lim)) }
