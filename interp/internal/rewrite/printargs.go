package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
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
func (r *rewriter) printArgView(a ast.Expr, withFmt bool) (prefix, suffix string) {
	t := r.typeExprOf(a, 0)
	if t == nil {
		return "", ""
	}
	switch x := t.(type) {
	case *ast.InterfaceType, *ast.SelectorExpr:
		return dynView(withFmt)
	case *ast.Ident:
		if x.Name == "any" || r.isInterfaceType(x.Name) {
			return dynView(withFmt)
		}
		if _, ok := r.facts.MethodOf(x.Name, "GoString"); ok {
			return dynView(withFmt)
		}
		// A value whose String or Error is on the pointer only.
		m, ok := r.printMethod(x.Name)
		if ok && m.ptrOnly {
			return FixPkg + ".Plain(", ")"
		}
		// A value with String: yaegi's wrapper loses a struct's fields
		// (%d printed the last one); the value and String's result go to
		// fmt instead. (An error stays itself, for %w.)
		if ok && m.name == "String" {
			return "func(__v " + x.Name + ") any { return " + FixPkg + ".Shown(__v, __v.String()) }(", ")"
		}
		return r.structView(x.Name)
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
	base := recv // the generic type of an instantiation, Pair of Pair[string, int]
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
	m, ok := r.printMethod(id.Name)
	if !ok || m.ptrOnly && recv == t {
		return "", ""
	}
	return FixPkg + ".Elems(", ", func(__v " + names.ExprString(t) + ") string { return __v." + m.name + "() })"
}

// isInterfaceType reports whether a name is a notebook interface type.
func (r *rewriter) isInterfaceType(name string) bool {
	return r.facts.TypeKind(name) != names.KindUnknown && !r.facts.IsConcrete(name) && r.facts.StructFields(name) == nil
}

// dynView shows a value by the methods of its dynamic type, which the
// interpreter knows in the cell's own code (a type assertion in a function
// of another package does not see them). It needs the cell to name package
// fmt (a printing call of fmt does): "" otherwise.
func dynView(withFmt bool) (prefix, suffix string) {
	if !withFmt {
		return "", ""
	}
	return "func(__x any) any { if __x == nil { return nil }; if _, __ok := __x.(fmt.Formatter); __ok { return __x }; if __e, __ok := " + FixPkg + ".AsError(__x); __ok { return __e }; " +
		"__s, __hs := " + FixPkg + ".AsStringer(__x); __g, __hg := __x.(fmt.GoStringer); " +
		"if !__hs && !__hg { return __x }; __ss, __gs := \"\", \"\"; if __hs { __ss = __s.String() }; if __hg { __gs = __g.GoString() }; " +
		"return " + FixPkg + ".Show(__x, __hs, __ss, __hg, __gs) }(", ")"
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
			if t := r.facts.VarTypeText(x.Name); t != "" {
				if e, err := parser.ParseExpr(t); err == nil {
					return e
				}
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
		case *ast.Field:
			return d.Type
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

// noteStructFields records the fields of a struct type declaration.
func (r *rewriter) noteStructFields(s *ast.TypeSpec) {
	st, ok := s.Type.(*ast.StructType)
	if !ok || s.TypeParams != nil || s.Name.Name == "_" {
		r.facts.SetStructFields(s.Name.Name, nil)
		return
	}
	var fields []names.Field
	for _, f := range st.Fields.List {
		typ := names.ExprString(f.Type)
		if len(f.Names) == 0 {
			n := f.Type
			if p, ok := n.(*ast.StarExpr); ok {
				n = p.X
			}
			id, ok := n.(*ast.Ident)
			if !ok {
				r.facts.SetStructFields(s.Name.Name, nil)
				return
			}
			fields = append(fields, names.Field{Name: id.Name, Type: typ})
			continue
		}
		for _, n := range f.Names {
			fields = append(fields, names.Field{Name: n.Name, Type: typ})
		}
	}
	r.facts.SetStructFields(s.Name.Name, fields)
}

// structView returns the wrapping that shows the fields of a notebook
// struct value with their String or Error methods, or "": the struct
// itself has none (else yaegi's wrapper shows it), but some of its fields'
// types do.
//
//	fmt.Println(seg)  becomes  fmt.Println(__gocellfix.Fields([]string{"From", "To", "Label"}, func(__v Segment) []any { return []any{__gocellfix.Shown(__v.From, __v.From.String()), ...} }(seg)))
func (r *rewriter) structView(typ string) (prefix, suffix string) {
	if _, ok := r.printMethod(typ); ok {
		return "", ""
	}
	fields := r.facts.StructFields(typ)
	var quoted, vals []string
	any := false
	for _, f := range fields {
		if f.Name == "_" {
			return "", ""
		}
		quoted = append(quoted, strconv.Quote(f.Name))
		v := "__v." + f.Name
		ft, err := parser.ParseExpr(f.Type)
		if err != nil {
			return "", ""
		}
		switch x := ft.(type) {
		case *ast.Ident:
			if m, ok := r.printMethod(x.Name); ok && !m.ptrOnly {
				v = FixPkg + ".Shown(" + v + ", " + v + "." + m.name + "())"
				any = true
			}
		case *ast.ArrayType, *ast.MapType:
			elt := ft
			if a, ok := x.(*ast.ArrayType); ok {
				elt = a.Elt
			} else {
				elt = x.(*ast.MapType).Value
			}
			if id, ok := elt.(*ast.Ident); ok {
				if m, ok := r.printMethod(id.Name); ok && !m.ptrOnly {
					v = FixPkg + ".Elems(" + v + ", func(__e " + id.Name + ") string { return __e." + m.name + "() })"
					any = true
				}
			}
		}
		vals = append(vals, v)
	}
	if !any {
		return "", ""
	}
	return FixPkg + ".Fields([]string{" + strings.Join(quoted, ", ") + "}, func(__v " + typ + ") []any { return []any{" + strings.Join(vals, ", ") + "} }(", "))"
}

// noteTypeText records the type of a notebook variable declared with type
// typ or from value, for printing it later.
func (r *rewriter) noteTypeText(name string, typ, value ast.Expr) {
	if name == "_" {
		return
	}
	if typ == nil && value != nil {
		typ = r.typeExprOf(value, 0)
	}
	text := ""
	if typ != nil {
		text = names.ExprString(typ)
	}
	r.facts.SetVarTypeText(name, text)
}
