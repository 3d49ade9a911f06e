package web_test

import (
	"os"
	"testing"

	"github.com/gongkai/gongkai/internal/sandbox/sandboxtest"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// TestMain removes the template databases the tests copy from; in a test
// binary started as a sandbox child (testExtractor), it is the child.
func TestMain(m *testing.M) {
	sandboxtest.Child()
	os.Exit(storetest.Main(m))
}
