package rewrite

import (
	"go/ast"
	"strings"
)

// real and imag of an untyped complex constant (const c = 3 + 2i;
// real(c)) crash yaegi v0.16.1 while it compiles the cell. Of a
// complex128 value they work, and the untyped constant's default type is
// complex128, so the argument is converted to it:
//
//	imag(c * 1i)  becomes  imag(complex128(c * 1i))
func (r *rewriter) complexConstParts(root ast.Node) {
	if !strings.Contains(r.text, "real(") && !strings.Contains(r.text, "imag(") {
		return
	}
	ast.Inspect(root, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		id, ok := call.Fun.(*ast.Ident)
		if !ok || id.Name != "real" && id.Name != "imag" || !r.isUniverse(id) || !r.untypedConstExpr(call.Args[0]) {
			return true
		}
		r.insert(call.Args[0].Pos(), "complex128(")
		r.insert(call.Args[0].End(), ")")
		return true
	})
}

// untypedConstExpr reports whether an expression is made of literals and
// constants declared without a type only.
func (r *rewriter) untypedConstExpr(e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if n == nil || !ok {
			return false
		}
		switch x := n.(type) {
		case *ast.BasicLit, *ast.BinaryExpr, *ast.UnaryExpr, *ast.ParenExpr:
		case *ast.Ident:
			switch {
			case x.Obj != nil:
				vs, isSpec := x.Obj.Decl.(*ast.ValueSpec)
				ok = x.Obj.Kind == ast.Con && isSpec && vs.Type == nil
			case r.reg != nil:
				d := r.reg.Lookup(x.Name)
				ok = d != nil && d.Kind == "const" && !strings.Contains(r.facts.VarType(x.Name), ".")
			default:
				ok = false
			}
		default:
			ok = false
		}
		return ok
	})
	return ok
}
