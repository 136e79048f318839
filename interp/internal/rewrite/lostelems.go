package rewrite

import (
	"go/ast"

	"github.com/gocell/gocell/interp/internal/names"
)

// Containers of notebook types with methods stored in an interface.
//
// yaegi v0.16.1 keeps the notebook type of a value stored in an interface
// only when the value's own type has methods: a []Meters (Meters with a
// String method) stored in an any is a []float64 there, which prints
// without String ([1 2], not [1m 2m]), has %T []float64 and matches a type
// switch's case []float64. Nothing at run time tells it from a real
// []float64, so where the syntax shows such a slice, array or map
// literal going into an interface (var x any = ..., an element of []any{...}
// or map[K]any{...}, any(...)), the cell stops with an error that names it.

// lostElems fails on v, a value going into an interface, when it is a
// literal, a conversion or a variable of an unnamed slice, array or map
// type whose element type is a notebook type with a String or Error
// method.
func (r *rewriter) lostElems(v ast.Expr) {
	var t ast.Expr
	switch x := ast.Unparen(v).(type) {
	case *ast.CompositeLit:
		t = x.Type
	case *ast.CallExpr:
		if len(x.Args) == 1 {
			t = ast.Unparen(x.Fun)
		}
	case *ast.Ident:
		t = r.typeExprOf(x, 0) // a variable declared with such a type
	}
	var elt ast.Expr
	switch c := t.(type) {
	case *ast.ArrayType:
		elt = c.Elt
	case *ast.MapType:
		elt = c.Value
	default:
		return
	}
	id, ok := elt.(*ast.Ident)
	if !ok || r.facts.TypeKind(id.Name) == names.KindUnknown && id.Obj == nil {
		return
	}
	if r.facts.StructFields(id.Name) != nil || id.Obj != nil && isStructDecl(id.Obj.Decl) {
		return // struct elements are told by their layout
	}
	method, _, ok := r.printMethod(id.Name)
	if !ok {
		return
	}
	text := names.ExprString(t)
	r.fail(v, "a %s stored in an interface loses its element type in the interpreter (it holds the elements as the underlying type of %s): "+
		"it would print without the %s method of %s and %%T would not read %s; keep it in a variable of type %s and print it from there, "+
		"or store its elements in the interface one by one", text, id.Name, method, id.Name, text, text)
}

func isStructDecl(d any) bool {
	ts, ok := d.(*ast.TypeSpec)
	if !ok {
		return false
	}
	_, ok = ts.Type.(*ast.StructType)
	return ok
}
