package rewrite

import (
	"go/ast"
	"strings"
)

// deferReceiver tells whether the receiver of a deferred method call
// x.M(...) must be copied when the defer statement runs, and how: Go
// evaluates the method value there, copying x for a value receiver (and *x
// for a value receiver through a pointer), while yaegi binds it to the
// variable when the deferred call runs, so that later changes of x show.
// It returns "" (a value x), "*" (a pointer x, value receiver) or ok false
// when the method's receiver is unknown or a pointer of a value x (bound
// to x's address, which does not change).
func (r *rewriter) deferReceiver(f *ast.SelectorExpr) (deref string, ok bool) {
	if _, isID := f.X.(*ast.Ident); !isID {
		return "", false
	}
	t := r.staticTypeOf(f.X, 0)
	if t == "" {
		return "", false
	}
	if strings.HasPrefix(t, "*") {
		deref, t = "*", t[1:]
	}
	m, found := r.facts.MethodOf(strings.TrimPrefix(t, "main."), f.Sel.Name)
	if !found || m.PtrRecv {
		return "", false
	}
	return deref, true
}
