package rewrite

import (
	"go/ast"
	"go/token"
	"sort"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// Assertions to an interface type literal.
//
// v := x.(interface{ Perimeter() float64 }) of a value without the method
// does not panic in yaegi v0.16.1: it yields a useless value, silently.
// Its comma-ok form is right, and so is the assertion when it holds. An
// assignment of such an assertion (of a variable) is therefore preceded by
// a check, which panics as Go does, with the first missing method in the
// order of their names:
//
//	a := x.(interface{ P() int })
//	becomes
//	func() { if _, ok := x.(interface{ P() int }); !ok { ...; panic(__gocellfix.AssertFailed(x, "interface { P() int }", "P")) } }(); a := x.(interface{ P() int })
func (r *rewriter) anonIfaceAsserts(root ast.Node) {
	if !strings.Contains(r.text, ".(interface") {
		return
	}
	ast.Inspect(root, func(n ast.Node) bool {
		a, ok := n.(*ast.AssignStmt)
		if !ok || len(a.Lhs) != 1 || len(a.Rhs) != 1 || a.Tok != token.DEFINE && a.Tok != token.ASSIGN {
			return true
		}
		ta, ok := ast.Unparen(a.Rhs[0]).(*ast.TypeAssertExpr)
		if !ok || !pureExpr(ta.X) {
			return true
		}
		it, ok := ta.Type.(*ast.InterfaceType)
		if !ok || it.Methods == nil || len(it.Methods.List) == 0 {
			return true
		}
		var methods []string // "Name(params) results"
		for _, f := range it.Methods.List {
			ft, ok := f.Type.(*ast.FuncType)
			if !ok || len(f.Names) != 1 {
				return true // an embedded interface: beyond this
			}
			methods = append(methods, f.Names[0].Name+strings.TrimPrefix(names.ExprString(ft), "func"))
		}
		sort.Strings(methods)
		typ, x := r.src(it), r.src(ta.X)
		if strings.Contains(typ+x, "\n") {
			return true
		}
		target := "interface { " + strings.Join(methods, "; ") + " }"
		var checks []string
		for _, m := range methods {
			name := m[:strings.IndexByte(m, '(')]
			checks = append(checks, "if _, ok := "+x+".(interface{ "+m+" }); !ok { panic("+FixPkg+".AssertFailed("+x+", "+
				strconv.Quote(target)+", "+strconv.Quote(name)+")) }; ")
		}
		r.insert(a.Pos(), "func() { if _, ok := "+x+".("+typ+"); !ok { "+strings.Join(checks, "")+"} }(); ")
		return true
	})
}
