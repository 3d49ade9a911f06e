package auditlog

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// actionCode is how an action literal looks: family.name.
var actionCode = regexp.MustCompile(`^[a-z_]+\.[a-z_]+$`)

// scan is what the sources record: literal actions, the members of the
// dynamic families, and action expressions that are neither.
type scan struct {
	literals map[Action]string // action → where it was seen
	dynamic  []string          // positions of actions built another way
	// itemSteps are the catalog workflow's Action constants; caseSteps the
	// case step names routed to caseStep, parsed in parseStep or seeded.
	itemSteps, caseSteps []string
	itemUsed, caseUsed   bool
}

func newScan() *scan { return &scan{literals: map[Action]string{}} }

func lit(e ast.Expr) (string, bool) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(b.Value)
	return s, err == nil
}

func name(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}

// action notes an expression in an action's position.
func (s *scan) action(fset *token.FileSet, e ast.Expr) {
	if v, ok := lit(e); ok {
		if actionCode.MatchString(v) {
			s.literals[Action(v)] = fset.Position(e.Pos()).String()
		}
		return
	}
	if _, ok := e.(*ast.BinaryExpr); ok {
		s.dynamic = append(s.dynamic, fset.Position(e.Pos()).String())
	}
}

// file scans one source file; pkg is its folder relative to the module.
func (s *scan) file(fset *token.FileSet, pkg string, f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			switch name(n.Fun) {
			case "change", "cliChange", "Action":
				if len(n.Args) > 0 {
					s.action(fset, n.Args[len(n.Args)-1])
				}
			case "ItemStep":
				s.itemUsed = true
			case "CaseStep":
				s.caseUsed = true
				if len(n.Args) == 1 {
					if v, ok := lit(n.Args[0]); ok {
						s.caseSteps = append(s.caseSteps, v)
					}
				}
			case "step":
				if pkg == "internal/demo" && len(n.Args) > 0 {
					if v, ok := lit(n.Args[0]); ok {
						s.caseSteps = append(s.caseSteps, v)
					}
				}
			}
		case *ast.KeyValueExpr:
			if name(n.Key) == "Action" {
				s.action(fset, n.Value)
			}
		case *ast.CompositeLit:
			if m, ok := n.Type.(*ast.MapType); ok && name(m.Value) == "Action" && pkg != "internal/catalog" {
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						s.action(fset, kv.Value)
					}
				}
			}
			s.route(n)
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if i < len(n.Rhs) && (name(l) == "Action" || name(l) == "action") {
					s.action(fset, n.Rhs[i])
				}
			}
		case *ast.GenDecl:
			if pkg == "internal/catalog" && n.Tok == token.CONST {
				for _, sp := range n.Specs {
					vs := sp.(*ast.ValueSpec)
					if name(vs.Type) != "Action" {
						continue
					}
					for _, v := range vs.Values {
						if c, ok := lit(v); ok {
							s.itemSteps = append(s.itemSteps, c)
						}
					}
				}
			}
		case *ast.FuncDecl:
			if n.Name.Name == "parseStep" && n.Body != nil {
				ast.Inspect(n.Body, func(m ast.Node) bool {
					if cc, ok := m.(*ast.CaseClause); ok {
						for _, e := range cc.List {
							if v, ok := lit(e); ok {
								s.caseSteps = append(s.caseSteps, v)
							}
						}
					}
					return true
				})
			}
		}
		return true
	})
}

// route notes the last path segment of a route handled by caseStep.
func (s *scan) route(n *ast.CompositeLit) {
	var pattern string
	var handler bool
	for _, el := range n.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		switch name(kv.Key) {
		case "pattern":
			pattern, _ = lit(kv.Value)
		case "h":
			handler = name(kv.Value) == "caseStep"
		}
	}
	if handler && pattern != "" {
		s.caseSteps = append(s.caseSteps, pattern[strings.LastIndex(pattern, "/")+1:])
	}
}

// recorded lists every action the scanned code can record.
func (s *scan) recorded() map[Action]string {
	out := map[Action]string{}
	for a, at := range s.literals {
		out[a] = at
	}
	if s.itemUsed {
		for _, st := range s.itemSteps {
			out[ItemStep(st)] = "catalog.Action " + st
		}
	}
	if s.caseUsed {
		for _, st := range s.caseSteps {
			out[CaseStep(st)] = "case step " + st
		}
	}
	return out
}

func scanSource(t *testing.T, s *scan, pkg, src string) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, pkg+"/x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	s.file(fset, pkg, f)
}

// TestScanFindsActions checks the scanner itself on small sources, so the
// module-wide test below cannot pass by finding nothing.
func TestScanFindsActions(t *testing.T) {
	tests := []struct {
		name, pkg, src string
		want           []Action
		dynamic        int
	}{
		{"change call", "internal/web", `package web; func f() { s.change(r, "item.attach") }`, []Action{"item.attach"}, 0},
		{"cli change", "cmd/gongkai", `package main; func f() { cliChange("user.unlock") }`, []Action{"user.unlock"}, 0},
		{"struct field", "internal/auth", `package auth; var c = auditlog.Change{Action: "user.login"}`, []Action{"user.login"}, 0},
		{"assignment", "internal/store", `package store; func f() { c.Action = "role.grant" }`, []Action{"role.grant"}, 0},
		{"action variable", "internal/web", `package web; func f() { action := auditlog.Action("column.create"); action = "column.update" }`,
			[]Action{"column.create", "column.update"}, 0},
		{"map of actions", "internal/web", `package web; var m = map[bool]auditlog.Action{true: "user.disable", false: "user.enable"}`,
			[]Action{"user.disable", "user.enable"}, 0},
		{"form action is no audit action", "internal/web", `package web; var p = page{Action: "/office/cases"}`, nil, 0},
		{"concatenated action", "internal/web", `package web; func f() { s.change(r, "case."+name) }`, nil, 1},
		{"case step family", "internal/web", `package web
			var rs = []route{{pattern: "/office/a/{agency}/cases/{case}/extend", h: s.caseStep}}
			func (s *Server) parseStep(name string) { switch name { case "close": } }
			func g() { s.change(r, auditlog.CaseStep(name)) }`, []Action{"case.close", "case.extend"}, 0},
		{"item step family", "internal/catalog", `package catalog
			const ( Publish Action = "publish" )
			func g() { auditlog.ItemStep(string(a)) }`, []Action{"item.publish"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newScan()
			scanSource(t, s, tt.pkg, tt.src)
			var got []Action
			for a := range s.recorded() {
				got = append(got, a)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) || len(s.dynamic) != tt.dynamic {
				t.Fatalf("recorded %v, dynamic %v; want %v and %d dynamic", got, s.dynamic, tt.want, tt.dynamic)
			}
		})
	}
}

// TestEveryRecordedActionIsRegistered scans the module's Go sources for the
// actions they record and fails on one missing from Actions, so a new
// action cannot reach the log without its Chinese wording.
func TestEveryRecordedActionIsRegistered(t *testing.T) {
	s := newScan()
	fset := token.NewFileSet()
	for _, root := range []string{"../../internal", "../../cmd"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			pkg, _ := filepath.Rel("../..", filepath.Dir(path))
			pkg = filepath.ToSlash(pkg)
			if pkg == "internal/auditlog" {
				return nil
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			s.file(fset, pkg, f)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if !s.itemUsed || !s.caseUsed || len(s.itemSteps) < 10 || len(s.caseSteps) < 14 {
		t.Fatalf("the dynamic families were not found: item %v %v, case %v %v", s.itemUsed, s.itemSteps, s.caseUsed, s.caseSteps)
	}
	for _, at := range s.dynamic {
		t.Errorf("%s: an action built outside ItemStep/CaseStep cannot be checked; use a literal or a family", at)
	}
	rec := s.recorded()
	if len(rec) < 50 {
		t.Fatalf("found only %d actions in the sources: %v", len(rec), rec)
	}
	for a, at := range rec {
		if _, ok := Lookup(a); !ok {
			t.Errorf("%s: action %q is recorded but not registered in auditlog.Actions", at, a)
		}
	}
}

// TestActionsRegisteredOnce keeps the table free of duplicates and of
// entries without wording.
func TestActionsRegisteredOnce(t *testing.T) {
	seen := map[Action]bool{}
	for _, a := range Actions {
		if seen[a.Action] || !actionCode.MatchString(string(a.Action)) || a.Phrase == "" ||
			strings.Contains(a.Phrase, "{对象}") != (a.Noun != "") {
			t.Errorf("bad or repeated entry %+v", a)
		}
		seen[a.Action] = true
	}
}
