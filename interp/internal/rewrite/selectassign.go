package rewrite

import (
	"go/ast"
	"go/token"
	"strings"
)

// Receives that assign existing variables in a select.
//
// case n = <-done: in a select fails in yaegi v0.16.1 ("reflect.Select:
// invalid Dir") in a function, and assigns nothing outside one. The
// receive declares variables of its own instead, which the clause assigns
// first:
//
//	case n = <-done:  becomes  case __gocell_sr1 := <-done: n = __gocell_sr1;
func (r *rewriter) selectAssigns(root ast.Node) {
	if !strings.Contains(r.text, "select") {
		return
	}
	ast.Inspect(root, func(n ast.Node) bool {
		cc, ok := n.(*ast.CommClause)
		if !ok {
			return true
		}
		a, ok := cc.Comm.(*ast.AssignStmt)
		if !ok || a.Tok != token.ASSIGN || len(a.Rhs) != 1 {
			return true
		}
		var lhs, tmps []string
		for _, l := range a.Lhs {
			tmp := r.name("sr")
			lhs = append(lhs, r.src(l))
			tmps = append(tmps, tmp)
			r.replace(l, tmp)
		}
		o := r.off(a.TokPos)
		r.edits = append(r.edits, srcEdit{o, o + 1, ":="})
		r.insert(cc.Colon+1, " "+strings.Join(lhs, ", ")+" = "+strings.Join(tmps, ", ")+";")
		return true
	})
}
