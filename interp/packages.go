package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	yaegi "github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"github.com/gocell/gocell/display"
)

// Packages is a set of compiled packages an executor carries beyond the
// standard library: their yaegi symbol tables, and the generic names the
// tables lack. An executor built for a notebook's %go get passes the tables
// it was built with to RunExecutor; the bundled packages (gonum, plot) are
// always there.
type Packages struct {
	// Symbols is the export table, in the shape yaegi's Use takes: import
	// path and package name ("github.com/dustin/go-humanize/humanize"),
	// then symbol name.
	Symbols map[string]map[string]reflect.Value
	// Generic lists, per import path, the exported generic functions and
	// types that extraction dropped: compiled generics cannot be called
	// from the interpreter, and a cell that names one is told so.
	Generic map[string][]string
}

// usePackages loads the bundled tables and the session's extra ones into
// yi. Each table goes through its own Use: yaegi merges tables key by key,
// while a merged map would let one table's display or "." entry replace
// another's.
func (s *Session) usePackages(yi *yaegi.Interpreter) error {
	if err := yi.Use(bundledPackages.Symbols); err != nil {
		return fmt.Errorf("loading the bundled packages: %w", err)
	}
	for _, p := range s.extra {
		if err := yi.Use(p.Symbols); err != nil {
			return fmt.Errorf("loading the executor's packages: %w", err)
		}
	}
	return nil
}

// tables is every symbol table a cell can import from, the standard
// library first.
func (s *Session) tables() []map[string]map[string]reflect.Value {
	t := []map[string]map[string]reflect.Value{stdlib.Symbols, display.Symbols, bundledPackages.Symbols}
	for _, p := range s.extra {
		t = append(t, p.Symbols)
	}
	return t
}

// symbolTable finds the table of the package imported as importPath, and
// the package's name (which need not be the path's last element:
// github.com/dustin/go-humanize is package humanize).
func (s *Session) symbolTable(importPath string) (name string, syms map[string]reflect.Value) {
	for _, t := range s.tables() {
		if syms, ok := t[importPath+"/"+path.Base(importPath)]; ok {
			return path.Base(importPath), syms
		}
	}
	for _, t := range s.tables() {
		for key, syms := range t {
			if path.Dir(key) == importPath {
				return path.Base(key), syms
			}
		}
	}
	return "", nil
}

// importBinding is the name an import spec binds in a cell: its alias, or
// the imported package's own name.
func (s *Session) importBinding(spec string) (name, importPath string) {
	q := spec[strings.IndexByte(spec, '"'):]
	importPath, _ = strconv.Unquote(q)
	if alias := strings.TrimSpace(spec[:strings.IndexByte(spec, '"')]); alias != "" {
		return alias, importPath
	}
	if pkg, syms := s.symbolTable(importPath); syms != nil {
		return pkg, importPath
	}
	return path.Base(importPath), importPath
}

// generic returns the generic names dropped from the package at importPath.
func (s *Session) generic(importPath string) []string {
	if g := bundledPackages.Generic[importPath]; len(g) > 0 {
		return g
	}
	for _, p := range s.extra {
		if g := p.Generic[importPath]; len(g) > 0 {
			return g
		}
	}
	return nil
}

// selectorUse matches the pkg.Name an "undefined" compile error is about.
var selectorUse = regexp.MustCompile(`undefined:? (?:selector )?([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)`)

// genericHint explains a compile error about pkg.Name when Name is a
// generic function or type of an imported compiled package: the symbol
// table does not have it, and "undefined" alone would read as a typo.
func (s *Session) genericHint(msg, code string) string {
	for _, spec := range s.imports {
		name, importPath := s.importBinding(spec)
		gen := s.generic(importPath)
		if len(gen) == 0 {
			continue
		}
		used := map[string]bool{}
		if m := selectorUse.FindStringSubmatch(msg); m != nil && m[1] == name {
			used[m[2]] = true
		}
		if len(used) == 0 {
			// yaegi does not always name the selector: look for uses in
			// the cell's text.
			for _, g := range gen {
				if strings.Contains(code, name+"."+g) {
					used[g] = true
				}
			}
		}
		var hit []string
		for _, g := range gen {
			if used[g] {
				hit = append(hit, name+"."+g)
			}
		}
		if len(hit) > 0 {
			sort.Strings(hit)
			return fmt.Sprintf("%s %s generic; the interpreter can only call the compiled parts of %s, and generic functions and types are not among them (%d of the package's names are generic). Write the loop in the cell, or use a non-generic function of the package.",
				strings.Join(hit, ", "), isAre(len(hit)), importPath, len(gen))
		}
	}
	return ""
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// plotPath is the package whose variadic methods a cell's calls are
// rewritten for (bundled.RewriteVariadicCalls).
const plotPath = "gonum.org/v1/plot"

// variadicCalls returns src (a file that starts "package main\n") with the
// calls of bundled variadic methods rewritten so that notebook values reach
// them wrapped, p.Add(a, b) → p.Add([]plot.Plotter{a, b}...); or "" when
// the notebook does not import plot or src has no such call. The edits are
// made in the text, so every other byte (line directives, positions) stays.
func (s *Session) variadicCalls(src string) string {
	imported := false
	for _, spec := range s.imports {
		if strings.HasSuffix(spec, strconv.Quote(plotPath)) {
			imported = true
		}
	}
	if !imported || !strings.Contains(src, ".Add(") {
		return ""
	}
	const pkgLine = "package main\n"
	body, ok := strings.CutPrefix(src, pkgLine)
	if !ok {
		return ""
	}
	header := pkgLine + "import (\n\t" + strings.Join(s.imports, "\n\t") + "\n)\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", header+body, parser.SkipObjectResolution)
	if err != nil || rewriteVariadic == nil || rewriteVariadic(f) == 0 {
		return ""
	}
	type edit struct {
		at   int
		text string
	}
	var edits []edit
	tf := fset.File(f.Pos())
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		lit, ok := call.Args[len(call.Args)-1].(*ast.CompositeLit)
		if !ok || lit.Lbrace.IsValid() || len(lit.Elts) == 0 {
			return true // not one the rewrite made
		}
		first, last := tf.Offset(lit.Elts[0].Pos())-len(header), tf.Offset(lit.Elts[len(lit.Elts)-1].End())-len(header)
		edits = append(edits, edit{first, "[]" + types.ExprString(lit.Type.(*ast.ArrayType).Elt) + "{"}, edit{last, "}..."})
		return true
	})
	// Apply from the end, so earlier offsets stay valid; an insertion at the
	// same offset as another keeps their order (a closing "}..." of an inner
	// call before the opening of nothing else).
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].at > edits[j].at })
	for _, e := range edits {
		if e.at < 0 || e.at > len(body) {
			return ""
		}
		body = body[:e.at] + e.text + body[e.at:]
	}
	return pkgLine + body
}
