package rewrite

import "go/ast"

// Elided &T{...} elements of composite literals of pointers.
//
// In map[string]*Stack{"x": {}} Go reads the element {} as &Stack{}.
// yaegi v0.16.1 gets this right for struct types but not for other
// composite types (a named slice or map): the element is nil, or the
// literal fails to compile. The element's type is written out:
//
//	map[string]*Stack{"x": {}}  becomes  map[string]*Stack{"x": &Stack{}}
func (r *rewriter) elidedPointerElems(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		var elem ast.Expr
		switch t := lit.Type.(type) {
		case *ast.ArrayType:
			elem = t.Elt
		case *ast.MapType:
			elem = t.Value
		default:
			return true
		}
		star, ok := elem.(*ast.StarExpr)
		if !ok {
			return true
		}
		if id, ok := star.X.(*ast.Ident); !ok || r.facts.StructFields(id.Name) != nil {
			return true // a struct type (yaegi is right), or beyond this
		}
		typ := r.src(star.X)
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				e = kv.Value
			}
			if c, ok := e.(*ast.CompositeLit); ok && c.Type == nil {
				r.insert(c.Pos(), "&"+typ)
			}
		}
		return true
	})
}
