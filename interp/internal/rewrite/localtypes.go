package rewrite

import (
	"go/ast"

	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
)

// Local types hiding a notebook type. yaegi v0.16.1 resolves a type
// declared in a function or block under the name of a package-level type
// to the package-level one: after
//
//	type T int
//	func f() { type T string; var t T = "x" }
//
// it compiles var t T as an int (cannot convert "x" to int), or converts
// silently when the values fit. There is no renaming it without changing
// what %T prints, so the cell stops with an error that names the type.
func (r *rewriter) localTypeShadows() {
	check := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if ok && ts.Name.Name != "_" && r.facts.TypeKind(ts.Name.Name) != names.KindUnknown {
				r.fail(ts, "type %s declared inside a function or block hides the notebook's type %s, "+
					"which the interpreter would use in its place: give the local type another name", ts.Name.Name, ts.Name.Name)
				return false
			}
			return true
		})
	}
	if r.kind == cell.Stmts {
		for _, s := range r.body {
			check(s)
		}
		return
	}
	for _, d := range r.decls {
		if f, ok := d.(*ast.FuncDecl); ok && f.Body != nil {
			check(f.Body)
		}
	}
}
