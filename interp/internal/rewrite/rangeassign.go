package rewrite

import (
	"go/ast"
)

// Range loops that assign to existing variables.
//
// yaegi v0.16.1 never assigns the variables of for k, v = range x (the
// assignment form, as opposed to :=): after the loop, and in its body, they
// keep their old values. So the loop ranges into variables of its own and
// assigns them first thing in each iteration, as Go does:
//
//	for key = range m { ... }  becomes  for __gocell_k1 := range m { key = __gocell_k1; ... }
func (r *rewriter) rangeAssign(loop *ast.RangeStmt) {
	var lhs, rhs []string
	for _, e := range []ast.Expr{loop.Key, loop.Value} {
		if e == nil {
			continue
		}
		if id, ok := e.(*ast.Ident); ok && id.Name == "_" {
			continue
		}
		tmp := r.name("rv")
		lhs = append(lhs, r.src(e))
		rhs = append(rhs, tmp)
		r.replace(e, tmp)
	}
	if len(lhs) == 0 {
		return
	}
	o := r.off(loop.TokPos)
	r.edits = append(r.edits, srcEdit{o, o + 1, ":="})
	assign := " " + lhs[0]
	if len(lhs) == 2 {
		assign += ", " + lhs[1]
	}
	assign += " = " + rhs[0]
	if len(rhs) == 2 {
		assign += ", " + rhs[1]
	}
	r.insert(loop.Body.Lbrace+1, assign+";")
}
