package report

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const reportImport = "github.com/gongkai/gongkai/internal/report"

// registryFile is the one file that may name the formats in comparisons.
const registryFile = "internal/report/formats.go"

// TestNoFormatComparisons fails when a non-test Go file of the module
// branches on a format constant (==, != or a switch case on Format2019 or
// Format2021) instead of reading a field of the format's FormatSpec.
func TestNoFormatComparisons(t *testing.T) {
	root := moduleRoot(t)
	var scanned int
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if rel == registryFile {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		scanned++
		inReport := filepath.ToSlash(filepath.Dir(rel)) == "internal/report"
		for _, at := range formatComparisons(t, rel, src, inReport) {
			t.Errorf("%s compares against a format constant; read a field of report.FormatSpec instead", at)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if scanned < 50 {
		t.Fatalf("scanned only %d files under %s", scanned, root)
	}
}

// TestFormatComparisonsFound shows the scan of TestNoFormatComparisons
// finds each kind of comparison, under any import name.
func TestFormatComparisonsFound(t *testing.T) {
	src := `package x

import rp "github.com/gongkai/gongkai/internal/report"

func f(a rp.Format) int {
	if a == rp.Format2021 {
		return 1
	}
	if rp.Format2019 != a {
		return 2
	}
	switch a {
	case rp.Format2019:
		return 3
	}
	switch {
	case a == "x":
	}
	return 0
}
`
	got := formatComparisons(t, "x.go", []byte(src), false)
	want := []string{"x.go:6", "x.go:9", "x.go:13"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("found %v, want %v", got, want)
	}
	inside := "package report\n\nfunc g(f Format) bool { return f == Format2019 }\n"
	if got := formatComparisons(t, "y.go", []byte(inside), true); len(got) != 1 {
		t.Fatalf("inside package report: found %v, want one", got)
	}
}

// formatComparisons returns file:line of each comparison against a format
// constant in src; inReport says src is in package report itself, where
// the constants are bare names.
func formatComparisons(t *testing.T, name string, src []byte, inReport bool) []string {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	pkg := ""
	for _, imp := range file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == reportImport {
			pkg = "report"
			if imp.Name != nil {
				pkg = imp.Name.Name
			}
		}
	}
	if pkg == "" && !inReport {
		return nil
	}
	isFormat := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			x, ok := e.X.(*ast.Ident)
			return ok && pkg != "" && x.Name == pkg && isFormatName(e.Sel.Name)
		case *ast.Ident:
			return inReport && isFormatName(e.Name)
		}
		return false
	}
	var out []string
	at := func(n ast.Node) { out = append(out, name+":"+strconv.Itoa(fset.Position(n.Pos()).Line)) }
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (isFormat(n.X) || isFormat(n.Y)) {
				at(n)
			}
		case *ast.CaseClause:
			for _, e := range n.List {
				if isFormat(e) {
					at(e)
				}
			}
		}
		return true
	})
	return out
}

func isFormatName(s string) bool { return s == "Format2019" || s == "Format2021" }

// moduleRoot is the directory of the module's go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}
