package rewrite

import (
	"go/ast"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// Printed containers where ValT is not used (see printCall): Val sees the
// methods of a value, not those of a container's elements, so a slice,
// array or map whose element type the syntax tells and has a String or
// Error method goes through __gocellfix.Elems with a function calling the
// method, which fmt then sees for every element:
//
//	fmt.Println(ps)  becomes  fmt.Println(__gocellfix.Elems(ps, func(__v Pair[string, int]) string { return __v.String() }))

// elemsView returns the wrapping of a printed container argument, as
// prefix and suffix, or "" when the syntax tells no such element type.
func (r *rewriter) elemsView(a ast.Expr) (prefix, suffix string) {
	var elt ast.Expr
	switch x := r.typeExprOf(a, 0).(type) {
	case *ast.ArrayType:
		elt = x.Elt
	case *ast.MapType:
		elt = x.Value
	default:
		return "", ""
	}
	recv := elt
	if st, ok := elt.(*ast.StarExpr); ok {
		recv = st.X
	}
	base := recv // the generic type of an instantiation: Pair of Pair[string, int]
	switch g := recv.(type) {
	case *ast.IndexExpr:
		base = g.X
	case *ast.IndexListExpr:
		base = g.X
	}
	id, ok := base.(*ast.Ident)
	if !ok {
		return "", ""
	}
	method, ptrOnly, ok := r.printMethod(id.Name)
	if !ok || ptrOnly && recv == elt {
		return "", ""
	}
	return FixPkg + ".Elems(", ", func(__v " + names.ExprString(elt) + ") string { return __v." + method + "() })"
}

// printMethod returns the method fmt calls on a notebook type's values,
// Error or String, and whether it has a pointer receiver; false when the
// type has none or has Format (fmt calls that one).
func (r *rewriter) printMethod(typ string) (method string, ptrOnly, ok bool) {
	if _, has := r.facts.MethodOf(typ, "Format"); has {
		return "", false, false
	}
	if _, has := r.facts.MethodOf(typ, "GoString"); has {
		return "", false, false
	}
	for _, name := range []string{"Error", "String"} {
		m, has := r.facts.MethodOf(typ, name)
		if has && m.Results == 1 && len(m.Params) == 0 && m.ResultText == "string" {
			return name, m.PtrRecv, true
		}
	}
	return "", false, false
}

// printsNotebookLiteral reports whether a line (the rest of a printing
// call) may hold a composite literal of a notebook type: T{ with T a
// notebook type name.
func printsNotebookLiteral(facts *names.Facts, line string) bool {
	for rest := line; ; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return false
		}
		j := i
		for j > 0 && !notIdentRune(rune(rest[j-1])) {
			j--
		}
		if j < i && facts.TypeKind(rest[j:i]) != names.KindUnknown {
			return true
		}
		rest = rest[i+1:]
	}
}
