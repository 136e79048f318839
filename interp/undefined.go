package interp

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/gocell/gocell/interp/cell"
)

// yaegi reports many uses of an undefined name as "constant definition
// loop" (broken := undefinedThing + 1). When a chunk fails so, the session
// looks for a name the chunk uses that nothing defines: not the chunk, the
// notebook, an import, nor the language. The first one found becomes the
// error: "undefined: undefinedThing", at its position.

const definitionLoop = "constant definition loop"

// explainUndefined rewrites a "constant definition loop" error of chunk c
// into the undefined name it comes from, when one can be found.
func (s *Session) explainUndefined(cerr *CellError, file, code string, c cell.Chunk) *CellError {
	if cerr == nil || cerr.EName != "CompileError" || !strings.HasPrefix(cerr.EValue, definitionLoop) {
		return cerr
	}
	fset, f, prefix, err := parseChunk(c)
	if err != nil {
		return cerr
	}
	declared := map[string]bool{}
	addTopLevelNames(c, f, declared)
	globals := s.currentGlobals()
	known := func(name string) bool {
		if declared[name] || name == "_" || types.Universe.Lookup(name) != nil || s.importsName(name) || s.reg.Lookup(name) != nil {
			return true
		}
		if _, ok := s.reg.VarHint(name); ok {
			return true
		}
		_, ok := globals[name]
		return ok || strings.HasPrefix(name, "__gocell") || name == rtName
	}
	skip := map[*ast.Ident]bool{} // selectors' names and struct literal keys
	var found *ast.Ident
	var root ast.Node = f.Decls[0]
	if c.Kind == cell.Decls {
		root = &ast.File{Name: ast.NewIdent("_"), Decls: f.Decls} // not the package name
	}
	ast.Inspect(root, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch x := n.(type) {
		case *ast.SelectorExpr:
			skip[x.Sel] = true
		case *ast.KeyValueExpr:
			if id, ok := x.Key.(*ast.Ident); ok && id.Obj == nil {
				skip[id] = true // a field name, or a constant key the check below sees elsewhere
			}
		case *ast.Ident:
			if x.Obj == nil && !skip[x] && !known(x.Name) {
				found = x
			}
		}
		return true
	})
	if found == nil || found.Name == "_" || found.Pos() < f.Decls[0].Pos() {
		return cerr
	}
	off := fset.Position(found.Pos()).Offset - len(prefix)
	line, col := cell.Position(c.Text, off)
	if line == 1 {
		col += c.Col - 1
	}
	line += c.Line - 1
	return compileError(file, code, fmt.Errorf("%s:%d:%d: undefined: %s", file, line, col, found.Name))
}
