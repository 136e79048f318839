package rewrite

import (
	"go/ast"
	"go/token"
)

// Typed constants declared from an expression of untyped constants.
//
// yaegi v0.16.1 gives a constant of a declared type whose value is an
// operation on untyped constants the type of the untyped result instead:
//
//	type Status int
//	const ( Active Status = iota + 1; Suspended )
//	const Limit Status = 2 + 3
//
// Active, Suspended and Limit are ints to it: s == Active is false for a
// Status s of the same value, a String method compares wrong, and the value
// stored in an interface has type int. A single literal keeps the declared
// type, so constShifts (constshift.go) writes the computed value out, in
// each spec repeating it too: Active Status = 1; Suspended Status = 2.

// operatorExpr reports whether a constant's value is an operation (not a
// single literal, name or conversion), with no comparison (boolconsts.go).
func operatorExpr(e ast.Expr) bool {
	switch ast.Unparen(e).(type) {
	case *ast.BinaryExpr, *ast.UnaryExpr:
	default:
		return false
	}
	cmp := false
	ast.Inspect(e, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok {
			switch b.Op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
				cmp = true
			}
		}
		return !cmp
	})
	return !cmp
}
