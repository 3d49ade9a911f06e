package web_test

import (
	"github.com/gongkai/gongkai/internal/sandbox"
	"github.com/gongkai/gongkai/internal/sandbox/sandboxtest"
)

// testExtractor reads the tests' uploads in real sandbox children: the
// test binary itself, started as `gongkai extract` would be.
var testExtractor = sandboxtest.Pool(sandbox.Limits{})
