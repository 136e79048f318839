package rewrite

import (
	"go/ast"
	"go/token"
	"strings"
)

// Non-constant shifts of an untyped constant.
//
// In f & (1 << i), Go gives the constant 1 the type the shift would have
// without it: f's type (the spec's rule for non-constant shifts). yaegi
// v0.16.1 makes it an int, and the operation then fails on an operand of
// another integer type ("reflect: call of reflect.Value.Uint on int Value"
// for a uint16 flag). Where the other operand's type is known, the
// constant is converted to it:
//
//	f & (1 << i)  becomes  f & (Flag(1) << i)
func (r *rewriter) untypedShifts(root ast.Node) {
	if !strings.Contains(r.text, "<<") && !strings.Contains(r.text, ">>") {
		return
	}
	ast.Inspect(root, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryExpr)
		if !ok {
			return true
		}
		switch b.Op {
		case token.SHL, token.SHR, token.LAND, token.LOR:
			return true
		}
		for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			s, ok := ast.Unparen(pair[0]).(*ast.BinaryExpr)
			if !ok || s.Op != token.SHL && s.Op != token.SHR {
				continue
			}
			lit, ok := s.X.(*ast.BasicLit)
			if !ok || lit.Kind != token.INT && lit.Kind != token.CHAR {
				continue
			}
			if _, constant := s.Y.(*ast.BasicLit); constant {
				continue
			}
			t := strings.TrimPrefix(r.operandType(pair[1]), "main.")
			if t == "" || t == "int" || strings.ContainsAny(t, "*[]().{} ") {
				continue
			}
			r.insert(lit.Pos(), t+"(")
			r.insert(lit.End(), ")")
		}
		return true
	})
}

// operandType is the type of an operand as far as the syntax tells it,
// range variables over a slice, array or map of known type included.
func (r *rewriter) operandType(e ast.Expr) string {
	if t := r.staticTypeOf(e, 0); t != "" {
		return t
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Obj == nil {
		return ""
	}
	as, ok := id.Obj.Decl.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return ""
	}
	u, ok := as.Rhs[0].(*ast.UnaryExpr)
	if !ok || u.Op != token.RANGE {
		return ""
	}
	var elem ast.Expr
	switch t := r.typeExprOf(u.X, 0).(type) {
	case *ast.ArrayType:
		if len(as.Lhs) == 2 && isSameIdent(as.Lhs[1], id) {
			elem = t.Elt
		}
	case *ast.MapType:
		if isSameIdent(as.Lhs[0], id) {
			elem = t.Key
		} else if len(as.Lhs) == 2 && isSameIdent(as.Lhs[1], id) {
			elem = t.Value
		}
	}
	if elem == nil {
		return ""
	}
	return r.staticTypeName(elem, true)
}

func isSameIdent(e ast.Expr, id *ast.Ident) bool {
	x, ok := e.(*ast.Ident)
	return ok && x.Obj != nil && x.Obj == id.Obj
}
