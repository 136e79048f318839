package rewrite

import (
	"go/ast"
	"go/token"
	"strings"
)

// Composite literals, receives and calls among the values of a multiple
// assignment.
//
// yaegi v0.16.1 compiles an assignment of several values, one of which is a
// composite literal, a receive or (with =) a call, as if that were the
// only value: it writes it straight into its variable and skips the
// assignment of the others, which keep their zero values, silently:
//
//	nums, target := []int{2, 7, 11, 15}, 9    // target was 0
//	var p, name = Point{1, 2}, "origin"      // name was ""
//	v, n := <-ch, 5                          // n was 0
//	best, tries = search(xs), 3              // tries was 0
//	return s, len(s)                         // len(s) written to the first result
//
// A parenthesized value is an expression like any other to it, so each such
// value among several is put in parentheses.

// mayHaveMultiValue is a quick test that chunks without such an
// assignment fail.
func mayHaveMultiValue(text string) bool {
	return strings.Contains(text, "=") && strings.Contains(text, ",") &&
		(strings.Contains(text, "{") || strings.Contains(text, "(") || strings.Contains(text, "<-"))
}

// multiAssignLiterals parenthesizes those values of assignments and var
// specs with several values.
func (r *rewriter) multiAssignLiterals(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		var values []ast.Expr
		switch x := n.(type) {
		case *ast.AssignStmt:
			if x.Tok == token.ASSIGN && r.assignsNil(x) {
				return true // nilassign.go makes it a sequence of single ones
			}
			values = x.Rhs
		case *ast.ValueSpec:
			values = x.Values
		case *ast.ReturnStmt:
			// return s, len(s): the builtin's result went to the first
			// result (a panic in reflect.Set, or a wrong value).
			values = x.Results
		default:
			return true
		}
		if len(values) < 2 {
			return true
		}
		for _, v := range values {
			switch x := v.(type) {
			case *ast.CompositeLit, *ast.CallExpr:
			case *ast.UnaryExpr:
				if x.Op != token.ARROW {
					continue
				}
			default:
				continue
			}
			r.insert(v.Pos(), "(")
			r.insert(v.End(), ")")
		}
		return true
	})
}

// assignsNil reports whether one of an assignment's values is nil.
func (r *rewriter) assignsNil(a *ast.AssignStmt) bool {
	for _, e := range a.Rhs {
		if id, ok := e.(*ast.Ident); ok && id.Name == "nil" && r.isUniverse(id) {
			return true
		}
	}
	return false
}
