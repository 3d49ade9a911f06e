// Package internal_test checks the layering the README describes
// ("Domain packages"): domain packages hold types and rules without SQL or
// HTTP, store alone knows SQL, web alone knows HTTP, the renderers are
// encoders at the edge, and only cmd/gongkai knows everything.
package internal_test

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/gongkai/gongkai/"

// domain are the packages of types and rules (README: "Domain packages").
// blob is not among them: like store it is an adapter, for object storage
// (gocloud.dev, hence net/http), and domain packages may not import it.
// Nor are extract (the readers of PDF, DOCX, HTML and XLSX, with their
// libraries), sandbox (which runs extract in child processes) and jobs
// (which joins store, blob and sandbox): uploads are read through them by
// web and cmd, and the domain packages get text or rows.
var domain = []string{
	"internal/agency", "internal/audit", "internal/auditlog", "internal/auth", "internal/calendar",
	"internal/cases", "internal/catalog", "internal/errs", "internal/filetype", "internal/idnumber", "internal/litigation",
	"internal/report", "internal/report/annual", "internal/search",
}

// renderers are the output encoders and their libraries, and the command
// line's progress bar: what composes, checks or stores a report must not
// need them.
var renderers = []string{
	module + "internal/report/render",
	"github.com/xuri/excelize/v2",
	"github.com/go-pdf/fpdf",
	"github.com/schollz/progressbar/v3",
}

// rules says, per package, what it must not depend on, directly or through
// any package it imports.
func rules() map[string][]string {
	forDomain := append([]string{
		"database/sql", "net/http",
		module + "internal/store", module + "internal/web", module + "internal/blob",
	}, renderers...)
	out := map[string][]string{"internal/store": renderers}
	for _, p := range domain {
		out[p] = forDomain
	}
	// The catalog (published information) is not built on the case
	// workflow or on the reader of published annual reports: what both need
	// (identity numbers, text extraction) belongs in a package of its own.
	out["internal/catalog"] = append(slices.Clip(forDomain), module+"internal/cases", module+"internal/audit")
	return out
}

// knownViolations are the dependencies that break a rule today, each with
// why it is still there. The test fails on any violation not listed here,
// and on a listed one that has gone (so that the list only shrinks: remove
// the line). Written "package -> forbidden dependency".
var knownViolations = map[string]string{}

type listedPackage struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// listPackages runs go list over the module's packages, with what each
// imports directly and all it depends on.
func listPackages(t *testing.T) map[string]listedPackage {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the architecture test needs the go command: %v", err)
	}
	cmd := exec.Command(goTool, "list", "-json=ImportPath,Imports,Deps", "-deps", "../...")
	out, err := cmd.Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		t.Fatalf("go list: %v\n%s", err, exit.Stderr)
	}
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	pkgs := map[string]listedPackage{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		pkgs[p.ImportPath] = p
	}
	return pkgs
}

// chain returns a shortest import path from one package to another, for
// the failure message ("catalog → audit → excelize").
func chain(pkgs map[string]listedPackage, from, to string) string {
	prev := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p == to {
			var path []string
			for q := to; q != ""; q = prev[q] {
				path = append(path, strings.TrimPrefix(q, module))
			}
			slices.Reverse(path)
			return strings.Join(path, " → ")
		}
		for _, imp := range pkgs[p].Imports {
			if _, seen := prev[imp]; !seen {
				prev[imp] = p
				queue = append(queue, imp)
			}
		}
	}
	return from + " → … → " + to
}

// TestArchitecture checks the layering with the go command's own view of
// the imports, in the manner of pkgsite's dependency tests: it fails on a
// new dependency that breaks a rule, naming the chain of imports that
// brings it in.
func TestArchitecture(t *testing.T) {
	pkgs := listPackages(t)
	seen := map[string]bool{}
	for pkg, forbidden := range rules() {
		p, ok := pkgs[module+pkg]
		if !ok {
			t.Errorf("%s: not found by go list; update the rules", pkg)
			continue
		}
		for _, f := range forbidden {
			if !slices.Contains(p.Deps, f) {
				continue
			}
			key := pkg + " -> " + strings.TrimPrefix(f, module)
			if !strings.HasPrefix(f, module) {
				key = pkg + " -> " + f
			}
			seen[key] = true
			if _, known := knownViolations[key]; !known {
				t.Errorf("%s must not depend on %s: %s", pkg, f, chain(pkgs, p.ImportPath, f))
			}
		}
	}
	for key, why := range knownViolations {
		if !seen[key] {
			t.Errorf("known violation %q (%s) is gone: remove it from knownViolations", key, why)
		}
	}
}

// TestNoPathsOutsideRepository keeps code and documentation citing the
// repository's own files (docs/report-model.md, docs/fees.md, …), never a
// folder beside the checkout that a reader of the repository does not have.
func TestNoPathsOutsideRepository(t *testing.T) {
	outside := []string{"shared" + "/spec", ".." + "/shared"}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && d.Name() != "..") {
			return filepath.SkipDir
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".html", ".tmpl":
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, o := range outside {
			if strings.Contains(string(b), o) {
				t.Errorf("%s cites %q, outside the repository: cite a file under docs/ instead", path, o)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
