package rewrite

import (
	"go/ast"
	"go/token"
	"strings"
)

// Printed values of notebook types with String or Error methods.
//
// yaegi's reflect types have no methods, so fmt prints a slice, array or
// map of a notebook type without calling the elements' String or Error
// ([{5 6}] for []Point{{5, 6}}); and it wraps a value whose String has a
// pointer receiver as if the value had it (Go prints the fields). An
// argument of a printing call whose type the syntax tells is passed
// through __gocellfix.Elems with a function calling the method, which
// fmt then sees for every element, or through __gocellfix.Plain:
//
//	fmt.Println(pts)  becomes  fmt.Println(__gocellfix.Elems(pts, func(__v Point) string { return __v.String() }))
//	fmt.Println(acc)  becomes  fmt.Println(__gocellfix.Plain(acc))   (String on *Account)

// printArgView returns the text to wrap a printed argument in, as prefix
// and suffix, or "" when it needs none.
func (r *rewriter) printArgView(a ast.Expr) (prefix, suffix string) {
	t := r.typeExprOf(a, 0)
	if t == nil {
		return "", ""
	}
	switch x := t.(type) {
	case *ast.Ident:
		// A value whose String or Error is on the pointer only.
		if m, ok := r.printMethod(x.Name); ok && m.ptrOnly {
			return FixPkg + ".Plain(", ")"
		}
		return "", ""
	case *ast.ArrayType:
		t = x.Elt
	case *ast.MapType:
		t = x.Value
	default:
		return "", ""
	}
	recv := t
	if st, ok := t.(*ast.StarExpr); ok {
		recv = st.X
	}
	id, ok := recv.(*ast.Ident)
	if !ok {
		return "", ""
	}
	m, ok := r.printMethod(id.Name)
	if !ok || m.ptrOnly && recv == t {
		return "", ""
	}
	return FixPkg + ".Elems(", ", func(__v " + r.src(t) + ") string { return __v." + m.name + "() })"
}

type printMethodInfo struct {
	name    string // Error or String, as fmt prefers them
	ptrOnly bool   // on the pointer receiver
}

// printMethod returns the method fmt would call on a notebook type, if it
// has one and no Format method (fmt calls that one, and yaegi wraps it).
func (r *rewriter) printMethod(typ string) (printMethodInfo, bool) {
	if _, ok := r.facts.MethodOf(typ, "Format"); ok {
		return printMethodInfo{}, false
	}
	for _, name := range []string{"Error", "String"} {
		m, ok := r.facts.MethodOf(typ, name)
		if ok && m.Results == 1 && len(m.Params) == 0 && m.ResultText == "string" {
			return printMethodInfo{name, m.PtrRecv}, true
		}
	}
	return printMethodInfo{}, false
}

// typeExprOf returns the type of an expression as the syntax tells it,
// from composite literals, make, conversions to notebook types, slicing
// and the declarations of the chunk's variables, or nil.
func (r *rewriter) typeExprOf(e ast.Expr, depth int) ast.Expr {
	if depth > 8 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return x.Type
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Obj == nil && id.Name == "make" && len(x.Args) > 0 {
			return x.Args[0]
		}
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) == 1 {
			if _, known := r.printMethod(id.Name); known && r.staticTypeName(id, false) != "" {
				return id // a conversion T(x)
			}
		}
	case *ast.SliceExpr:
		if t := r.typeExprOf(x.X, depth+1); t != nil {
			if a, ok := t.(*ast.ArrayType); ok {
				return &ast.ArrayType{Lbrack: a.Lbrack, Elt: a.Elt}
			}
		}
	case *ast.IndexExpr:
		if t := r.typeExprOf(x.X, depth+1); t != nil {
			switch c := t.(type) {
			case *ast.ArrayType:
				return c.Elt
			case *ast.MapType:
				return c.Value
			}
		}
	case *ast.Ident:
		if x.Obj == nil {
			if t := r.facts.VarType(x.Name); strings.HasPrefix(t, "main.") && !strings.ContainsAny(t, "*[]") {
				return &ast.Ident{NamePos: x.NamePos, Name: strings.TrimPrefix(t, "main.")}
			}
			return nil
		}
		switch d := x.Obj.Decl.(type) {
		case *ast.ValueSpec:
			if d.Type != nil {
				return d.Type
			}
			for i, n := range d.Names {
				if n.Obj == x.Obj && i < len(d.Values) && len(d.Values) == len(d.Names) {
					return r.typeExprOf(d.Values[i], depth+1)
				}
			}
		case *ast.AssignStmt:
			if d.Tok != token.DEFINE || len(d.Lhs) != len(d.Rhs) {
				return nil
			}
			for i, l := range d.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Obj == x.Obj && id != x {
					return r.typeExprOf(d.Rhs[i], depth+1)
				}
			}
		}
	}
	return nil
}
