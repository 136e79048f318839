package rewrite

import (
	"go/ast"
	"go/token"
	"strings"
)

// Values of notebook types stored in interfaces.
//
// A variable of a notebook type with methods, converted to an interface
// (var s Shape = r, []any{r}, any(r)), is held by yaegi v0.16.1 by
// reference: a later change of the variable shows through the interface,
// where Go stored a copy. A conversion to the value's own type makes the
// copy, so where the syntax tells that a value of a notebook type goes into
// an interface, it is converted first:
//
//	var s Shape = r  becomes  var s Shape = Rect(r)
//
// The same conversion gives a typed constant expression (Hearts | Diamonds,
// which yaegi computes as an int) its type back.
func (r *rewriter) ifaceCopies(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.ValueSpec:
			if x.Type != nil && r.isIfaceTypeExpr(x.Type) {
				for _, v := range x.Values {
					r.copyValue(v)
				}
			}
		case *ast.CompositeLit:
			var key, elem ast.Expr
			switch t := x.Type.(type) {
			case *ast.ArrayType:
				elem = t.Elt
			case *ast.MapType:
				key, elem = t.Key, t.Value
			default:
				return true
			}
			for _, e := range x.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if key != nil && r.isIfaceTypeExpr(key) {
						r.copyValue(kv.Key)
					}
					if r.isIfaceTypeExpr(elem) {
						r.copyValue(kv.Value)
					}
				} else if r.isIfaceTypeExpr(elem) {
					r.copyValue(e)
				}
			}
		case *ast.CallExpr:
			if len(x.Args) == 1 && !x.Ellipsis.IsValid() && r.isIfaceTypeExpr(x.Fun) {
				r.copyValue(x.Args[0])
			}
		case *ast.AssignStmt:
			if x.Tok != token.ASSIGN || len(x.Lhs) != len(x.Rhs) {
				return true
			}
			for i, l := range x.Lhs {
				if r.isIfaceVar(l) {
					r.copyValue(x.Rhs[i])
				}
			}
		}
		return true
	})
}

// isIfaceTypeExpr reports whether a type expression is an interface: any,
// interface{...}, error, fmt.Stringer or a notebook interface.
func (r *rewriter) isIfaceTypeExpr(t ast.Expr) bool {
	switch x := ast.Unparen(t).(type) {
	case *ast.InterfaceType:
		return true
	case *ast.Ident:
		if x.Obj == nil {
			return x.Name == "any" || x.Name == "error" || r.isInterfaceType(x.Name)
		}
		if ts, ok := x.Obj.Decl.(*ast.TypeSpec); ok && ts.TypeParams == nil {
			_, iface := ts.Type.(*ast.InterfaceType)
			return iface
		}
	case *ast.SelectorExpr:
		return isPkgSel(x, "fmt", "Stringer")
	}
	return false
}

// isPkgSel reports whether a selector is pkg.name.
func isPkgSel(s *ast.SelectorExpr, pkg, name string) bool {
	id, ok := s.X.(*ast.Ident)
	return ok && id.Obj == nil && id.Name == pkg && s.Sel.Name == name
}

// copyValue converts a value of a notebook type (by name, not a pointer or
// an instantiation) to its own type.
func (r *rewriter) copyValue(v ast.Expr) {
	r.lostElems(v)
	switch ast.Unparen(v).(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.BinaryExpr, *ast.StarExpr:
	case *ast.CompositeLit:
		// A value of its own, but yaegi's global var x any = T{...}
		// then fails assertions to notebook interfaces: converted too.
	default:
		return // a call: already a value of its own
	}
	t := r.staticTypeOf(v, 0)
	if t == "" || strings.ContainsAny(t, "*[]() ") {
		return
	}
	name := strings.TrimPrefix(t, "main.")
	if strings.Contains(name, ".") || !r.facts.IsConcrete(name) {
		return
	}
	r.insert(v.Pos(), name+"(")
	r.insert(v.End(), ")")
}
