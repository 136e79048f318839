package rewrite

import (
	"go/ast"
	"go/token"
	"strings"
)

// Parallel assignments of nil.
//
// yaegi v0.16.1 panics (reflect: New(nil)) on an assignment of untyped nil
// among several, a, b = nil, nil, where a single one works. Such an
// assignment, in a statement list, becomes a sequence, a = nil; b = nil,
// when the sequence means the same: no right-hand side, and no left-hand
// side other than a plain variable, reads a variable an earlier assignment
// of the sequence sets.

// mayAssignNil is a quick test for a chunk that may hold one.
func mayAssignNil(text string) bool {
	return strings.Contains(text, "nil") && strings.Contains(text, ",") && strings.Contains(text, "=")
}

// sequenceNilAssigns rewrites the parallel assignments of nil in root.
func (r *rewriter) sequenceNilAssigns(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		var list []ast.Stmt
		switch x := n.(type) {
		case *ast.BlockStmt:
			list = x.List
		case *ast.CaseClause:
			list = x.Body
		case *ast.CommClause:
			list = x.Body
		default:
			return true
		}
		for _, s := range list {
			if a, ok := s.(*ast.AssignStmt); ok {
				r.sequenceNilAssign(a)
			}
		}
		return true
	})
}

func (r *rewriter) sequenceNilAssign(a *ast.AssignStmt) {
	if a.Tok != token.ASSIGN || len(a.Lhs) < 2 || len(a.Lhs) != len(a.Rhs) {
		return
	}
	hasNil := false
	for _, e := range a.Rhs {
		if id, ok := e.(*ast.Ident); ok && id.Name == "nil" && r.isUniverse(id) {
			hasNil = true
		}
	}
	if !hasNil {
		return
	}
	set := map[string]bool{} // variables earlier assignments set
	for i, l := range a.Lhs {
		if i > 0 && (mentionsAny(a.Rhs[i], set) || !isPlainIdent(l) && mentionsAny(l, set)) {
			return
		}
		if id, ok := l.(*ast.Ident); ok {
			set[id.Name] = true
		}
	}
	start, end := r.off(a.Pos()), r.off(a.End())
	var parts []struct{ ls, le, rs, re int }
	for i := range a.Lhs {
		parts = append(parts, struct{ ls, le, rs, re int }{r.off(a.Lhs[i].Pos()), r.off(a.Lhs[i].End()), r.off(a.Rhs[i].Pos()), r.off(a.Rhs[i].End())})
	}
	r.composites = append(r.composites, composite{start: start, end: end, prio: 1, build: func() []srcEdit {
		var seq []string
		for _, p := range parts {
			seq = append(seq, r.render(p.ls, p.le)+" = "+r.render(p.rs, p.re))
		}
		return []srcEdit{{start, end, strings.Join(seq, "; ")}}
	}})
}

func isPlainIdent(e ast.Expr) bool {
	_, ok := e.(*ast.Ident)
	return ok
}

// mentionsAny reports whether e mentions one of the names.
func mentionsAny(e ast.Expr, names map[string]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && names[id.Name] {
			found = true
		}
		return !found
	})
	return found
}
