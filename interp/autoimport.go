package interp

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/cell"
)

// Auto-import: a cell that uses a package it did not import (strings.Fields
// without import "strings", floats.Sum without gonum's floats) gets the
// import, as goimports would add it, when exactly one package the notebook
// can import has that name. A name
// several packages share (rand: crypto/rand, math/rand, math/rand/v2) is
// an error naming the choices. yaegi's own errors for a missing import are
// unreliable ("constant definition loop", an internal panic), so the cell
// is checked before it compiles: a quick scan for name.Exported of a
// package name not imported, then, only if one is found, a parse that
// tells whether the name is really unresolved (not a variable of the cell
// or the notebook).

// pkgSelector finds name.Exported where name could be a package.
var pkgSelector = regexp.MustCompile(`(?:^|[^\w.])([a-z][a-z0-9]*)\.[A-Z]`)

// importablePackages returns the import paths of the packages named name
// that cells can import: the standard library, the bundled packages and
// the executor's own, sorted. (gocell's display package is imported by
// its own rule.)
func (s *Session) importablePackages(name string) []string {
	var out []string
	for _, t := range s.tables() {
		for key := range t {
			i := strings.LastIndexByte(key, '/')
			if i < 0 || key[i+1:] != name {
				continue
			}
			p := key[:i]
			if strings.Contains(p, "internal") || p == dispPkg || strings.HasPrefix(p, "gocell") || contains(out, p) {
				continue
			}
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// importUsedPackages imports the packages a cell uses by name without importing
// them, or returns the error for a name that several packages have.
func (s *Session) importUsedPackages(ctx context.Context, file, code string, chunks []cell.Chunk) *CellError {
	var wanted []string
	for _, m := range pkgSelector.FindAllStringSubmatch(code, -1) {
		name := m[1]
		if contains(wanted, name) || s.importsName(name) || cellImports(chunks, name) || s.reg.Lookup(name) != nil {
			continue
		}
		if _, isVar := s.reg.VarHint(name); isVar || len(s.importablePackages(name)) == 0 {
			continue
		}
		wanted = append(wanted, name)
	}
	if len(wanted) == 0 {
		return nil
	}
	// A name the cell declares in one chunk is unresolved in the others.
	declared := map[string]bool{}
	var uses []unresolved
	for _, c := range chunks {
		if c.Kind == cell.Decls || c.Kind == cell.Stmts {
			uses = append(uses, unresolvedSelectors(c, wanted, declared)...)
		}
	}
	for _, u := range uses {
		if declared[u.name] || s.importsName(u.name) {
			continue
		}
		c := u.chunk
		paths := s.importablePackages(u.name)
		line, col := u.line, u.col
		if line == 1 {
			col += c.Col - 1
		}
		line += c.Line - 1
		switch len(paths) {
		case 0:
			continue
		case 1:
			imp := cell.Chunk{Kind: cell.Imports, Text: "import " + strconv.Quote(paths[0]), Line: line, Col: col}
			if cerr := s.runImports(ctx, file, code, imp); cerr != nil {
				return cerr
			}
		default:
			quoted := make([]string, len(paths))
			for i, p := range paths {
				quoted[i] = strconv.Quote(p)
			}
			return compileError(file, code, fmt.Errorf("%s:%d:%d: undefined: %s (several packages are named %s: import one of %s)",
				file, line, col, u.name, u.name, strings.Join(quoted, ", ")))
		}
	}
	return nil
}

// cellImports reports whether the cell's own import lines bind name.
func cellImports(chunks []cell.Chunk, name string) bool {
	for _, c := range chunks {
		if c.Kind != cell.Imports {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+c.Text, parser.ImportsOnly)
		if err != nil {
			continue
		}
		for _, is := range f.Imports {
			spec := is.Path.Value
			if is.Name != nil {
				spec = is.Name.Name + " " + spec
			}
			if importName(spec) == name {
				return true
			}
		}
	}
	return false
}

type unresolved struct {
	name      string
	chunk     cell.Chunk
	line, col int // in the chunk
}

// unresolvedSelectors returns the first use of each of names as the
// package of a selector, where the chunk does not declare the name, and
// adds the names the chunk declares at its top level to declared.
func unresolvedSelectors(c cell.Chunk, names []string, declared map[string]bool) []unresolved {
	fset, f, prefix, err := parseChunk(c)
	if err != nil {
		return nil
	}
	addTopLevelNames(c, f, declared)
	if c.Kind == cell.Stmts {
		for _, st := range f.Decls[0].(*ast.FuncDecl).Body.List {
			for _, id := range stmtDeclares(st) {
				declared[id] = true
			}
		}
	}
	var out []unresolved
	seen := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		id, ok := sel.X.(*ast.Ident)
		if !ok || id.Obj != nil || seen[id.Name] || !contains(names, id.Name) {
			return true
		}
		seen[id.Name] = true
		off := fset.Position(id.Pos()).Offset - len(prefix)
		line, col := cell.Position(c.Text, off)
		out = append(out, unresolved{id.Name, c, line, col})
		return true
	})
	return out
}

// stmtDeclares returns the names a top-level statement declares.
func stmtDeclares(st ast.Stmt) []string {
	var out []string
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok == token.DEFINE {
			for _, l := range st.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					out = append(out, id.Name)
				}
			}
		}
	case *ast.DeclStmt:
		if g, ok := st.Decl.(*ast.GenDecl); ok {
			for _, sp := range g.Specs {
				switch sp := sp.(type) {
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						out = append(out, n.Name)
					}
				case *ast.TypeSpec:
					out = append(out, sp.Name.Name)
				}
			}
		}
	}
	return out
}
