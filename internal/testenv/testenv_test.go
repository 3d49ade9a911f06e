package testenv

import (
	"os"
	"testing"
)

func TestSkipFailsWhenRequired(t *testing.T) {
	t.Setenv("GONGKAI_TESTENV_PROBE", "1")
	ft := &fakeT{TB: t}
	func() {
		defer func() { _ = recover() }()
		Skip(ft, "GONGKAI_TESTENV_PROBE", "probe missing")
	}()
	if !ft.fatal || ft.skipped {
		t.Fatalf("required: fatal %v, skipped %v", ft.fatal, ft.skipped)
	}
	os.Unsetenv("GONGKAI_TESTENV_PROBE")
	ft = &fakeT{TB: t}
	func() {
		defer func() { _ = recover() }()
		Skip(ft, "GONGKAI_TESTENV_PROBE", "probe missing")
	}()
	if ft.fatal || !ft.skipped {
		t.Fatalf("optional: fatal %v, skipped %v", ft.fatal, ft.skipped)
	}
}

// fakeT records Fatal and Skip instead of ending the real test.
type fakeT struct {
	testing.TB
	fatal, skipped bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Fatalf(string, ...any) { f.fatal = true; panic("fatal") }
func (f *fakeT) Skip(...any)           { f.skipped = true; panic("skip") }
func (f *fakeT) Name() string          { return "fake" }
