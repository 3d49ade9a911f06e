package auth_test

import (
	"os"
	"testing"

	"github.com/gongkai/gongkai/internal/store/storetest"
)

// TestMain removes the template databases the tests copy from.
func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }
