package rewrite

import (
	"go/ast"
	"go/token"
	"sort"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// Type assertions to interfaces. yaegi v0.16.1 gets three of them wrong
// when the value is a notebook value held in an interface:
//
//   - v.(error), v.(fmt.Stringer) with a result read the method from the
//     wrong frame: a reflect.Set panic or a wrong value;
//   - s, ok := v.(Shape) to a notebook interface panics (reflect.Set of an
//     interface{} into its internal interface value);
//   - a type switch matches any notebook value to any notebook interface.
//
// Its assertion without a result to a notebook interface compares method
// sets correctly, and its type switch then hands over the value. So
//
//	e, ok := v.(error)   becomes  e, ok := __gocellfix.AsError(v)
//	s := v.(fmt.Stringer) becomes s := __gocellfix.MustStringer(v)
//	s, ok := v.(Shape)   becomes  s, ok := func(__v any) (Shape, bool) { if _, ok := __v.(Shape); ok { switch __y := __v.(type) { case Shape: return __y, true } }; return nil, false }(v)
//
// and the single-value forms panic with Go's runtime error when v does not
// implement the interface. Type switches with such cases become chains of
// these (stmts.go).

// noteInterface records whether a declared type is a notebook interface
// that values can be asserted to, and its methods.
func (r *rewriter) noteInterface(name string, it *ast.InterfaceType, plain bool) {
	if it == nil || !plain || name == "_" {
		r.facts.SetInterface(name, false, nil)
		return
	}
	var methods []string
	for _, f := range it.Methods.List {
		switch t := f.Type.(type) {
		case *ast.FuncType:
			for _, n := range f.Names {
				methods = append(methods, n.Name)
			}
		case *ast.Ident:
			switch m, ok := r.facts.Interface(t.Name); {
			case ok:
				methods = append(methods, m...)
			case t.Name == "error":
				methods = append(methods, "Error")
			default:
				r.facts.SetInterface(name, false, nil) // a constraint (~int, any, comparable)
				return
			}
		case *ast.SelectorExpr:
			if x, ok := t.X.(*ast.Ident); ok && x.Name == "fmt" && t.Sel.Name == "Stringer" {
				methods = append(methods, "String")
			}
		default: // a union or ~T: a constraint
			r.facts.SetInterface(name, false, nil)
			return
		}
	}
	if len(methods) == 0 {
		r.facts.SetInterface(name, false, nil)
		return
	}
	sort.Strings(methods)
	r.facts.SetInterface(name, true, methods)
}

// assertKind says how an asserted-to type is handled: "error",
// "fmt.Stringer", a notebook interface's name, or "" (yaegi's own
// assertion is right).
func (r *rewriter) assertKind(t ast.Expr, fromError bool) string {
	switch t := t.(type) {
	case *ast.Ident:
		if t.Name == "error" && t.Obj == nil {
			return "error"
		}
		if _, ok := r.facts.Interface(t.Name); ok {
			return t.Name
		}
	case *ast.SelectorExpr:
		if x, ok := t.X.(*ast.Ident); ok && x.Name == "fmt" && x.Obj == nil && t.Sel.Name == "Stringer" {
			return "fmt.Stringer"
		}
	case *ast.ParenExpr:
		return r.assertKind(t.X, fromError)
	}
	if name := r.concreteName(t); name != "" && fromError {
		return concretePrefix + name
	}
	return ""
}

// concretePrefix marks an assertKind that is a notebook concrete type (or
// a pointer to one) asserted from an error: yaegi's own assertion misses
// the value inside its wrapper for host interfaces (an error holding a
// VE), though it reads its own interface values (any, Shape) right.
const concretePrefix = "concrete:"

// concreteName returns T or *T for a notebook concrete type T, or "".
func (r *rewriter) concreteName(t ast.Expr) string {
	star := ""
	if s, ok := t.(*ast.StarExpr); ok {
		t, star = s.X, "*"
	}
	if id, ok := unparen(t).(*ast.Ident); ok && r.facts.IsConcrete(id.Name) {
		return star + id.Name
	}
	return ""
}

// assertText is the replacement of x.(t) (x already rendered), or "".
func (r *rewriter) assertText(x string, t ast.Expr, commaOk, fromError bool) string {
	kind := r.assertKind(t, fromError)
	switch kind {
	case "":
		return ""
	case "error", "fmt.Stringer":
		name := map[string]string{"error": "Error", "fmt.Stringer": "Stringer"}[kind]
		if commaOk {
			return FixPkg + ".As" + name + "(" + x + ")"
		}
		return FixPkg + ".Must" + name + "(" + x + ")"
	}
	if strings.HasPrefix(kind, concretePrefix) {
		// yaegi's assertion from any reads the value Unwrapped takes out
		// of the error's wrapper; it panics as Go does when it fails.
		return FixPkg + ".Unwrapped(" + x + ").(" + strings.TrimPrefix(kind, concretePrefix) + ")"
	}
	methods, _ := r.facts.Interface(kind)
	check := "if _, ok := __v.(" + kind + "); ok { switch __y := __v.(type) { case " + kind + ": return __y"
	if commaOk {
		return "func(__v any) (" + kind + ", bool) { " + check + ", true } }; return nil, false }(" + x + ")"
	}
	return "func(__v any) " + kind + " { " + check + " } }; panic(" + FixPkg + ".AssertFailed(__v, " +
		strconv.Quote("main."+kind) + ", " + strconv.Quote(methods[0]) + ")) }(" + x + ")"
}

// rewriteAsserts rewrites the type assertions yaegi gets wrong.
func (r *rewriter) rewriteAsserts(root ast.Node) {
	commaOk := map[*ast.TypeAssertExpr]bool{}
	ast.Inspect(root, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.AssignStmt:
			if len(s.Lhs) == 2 && len(s.Rhs) == 1 {
				if ta, ok := unparen(s.Rhs[0]).(*ast.TypeAssertExpr); ok {
					commaOk[ta] = true
				}
			}
		case *ast.ValueSpec:
			if len(s.Names) == 2 && len(s.Values) == 1 {
				if ta, ok := unparen(s.Values[0]).(*ast.TypeAssertExpr); ok {
					commaOk[ta] = true
				}
			}
		}
		return r.assertNode(n, commaOk)
	})
}

func (r *rewriter) assertNode(n ast.Node, commaOk map[*ast.TypeAssertExpr]bool) bool {
	ta, ok := n.(*ast.TypeAssertExpr)
	if !ok || ta.Type == nil {
		return true
	}
	fromError := r.isHostIface(ta.X)
	if r.assertKind(ta.Type, fromError) == "" {
		return true
	}
	start, end := r.off(ta.Pos()), r.off(ta.End())
	xStart, xEnd := r.off(ta.X.Pos()), r.off(ta.X.End())
	ok2 := commaOk[ta]
	r.composites = append(r.composites, composite{start: start, end: end, build: func() []srcEdit {
		return []srcEdit{{start, end, r.assertText(r.render(xStart, xEnd), ta.Type, ok2, fromError)}}
	}})
	return true
}

func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}

// selfMethods gives every notebook type whose Error method has a value
// receiver a method returning the value and its type's name, which host
// code calls through the error wrapper yaegi makes (see package stdfix,
// errself.go): yaegi's wrapper itself keeps only a struct's last field.
//
//	func (e VE) Error() string { ... }
//	becomes
//	func (e VE) Error() string { ... }; func (__gocell_self VE) GocellSelf() (any, string) { var __gocell_v any = __gocell_self; return __gocell_v, "main.VE" }
//
// (the value goes through a variable of type any, where yaegi keeps its
// methods for an assertion to a notebook interface).
func (r *rewriter) selfMethods() {
	for _, d := range r.decls {
		f, ok := d.(*ast.FuncDecl)
		if !ok || f.Recv == nil || len(f.Recv.List) != 1 || f.Name.Name != "Error" || f.Body == nil {
			continue
		}
		recv, ok := f.Recv.List[0].Type.(*ast.Ident)
		if !ok || f.Type.Params.NumFields() != 0 || f.Type.Results.NumFields() != 1 {
			continue
		}
		// The method replaces the closing brace, so that it is part of the
		// Error method's source, which a rebuild compiles again.
		end := r.off(f.End())
		r.edits = append(r.edits, srcEdit{end - 1, end, "}; func (__gocell_self " + recv.Name + ") " + selfMethod +
			"() (any, string) { var __gocell_v any = __gocell_self; return __gocell_v, " + strconv.Quote("main."+recv.Name) + " }"})
	}
}

// selfMethod is the method selfMethods adds (stdfix.SelfMethod).
const selfMethod = "GocellSelf"

// parenLiterals puts in parentheses a composite literal of a notebook type
// assigned to a variable of an interface type (var e error = VE{...},
// e = VE{...}) or converted to one (error(VE{...})): yaegi builds such a
// literal right into the variable, skipping the conversion to the
// variable's interface type, so an error variable held the bare struct
// (fmt printed {x}, not its Error).
func (r *rewriter) parenLiterals(root ast.Node) {
	wrap := func(e ast.Expr) {
		cl, ok := e.(*ast.CompositeLit)
		if !ok {
			return
		}
		t := cl.Type
		if s, ok := t.(*ast.StarExpr); ok {
			t = s.X
		}
		id, ok := t.(*ast.Ident)
		if !ok || r.facts.TypeKind(id.Name) == names.KindUnknown {
			return
		}
		r.insert(cl.Pos(), "(")
		r.insert(cl.End(), ")")
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.ValueSpec:
			if x.Type != nil && r.convertsToInterface(x.Type) {
				for _, v := range x.Values {
					wrap(v)
				}
			}
		case *ast.AssignStmt:
			if x.Tok == token.ASSIGN && len(x.Lhs) == len(x.Rhs) {
				for i, v := range x.Rhs {
					if l, ok := x.Lhs[i].(*ast.Ident); ok && r.isErrorVar(l) {
						wrap(v)
					}
				}
			}
		case *ast.CallExpr:
			if len(x.Args) == 1 && r.convertsToInterface(x.Fun) {
				wrap(x.Args[0])
			}
		}
		return true
	})
}

// convertsToInterface reports whether e names an interface type with
// methods: error, interface{ M() }, a notebook interface, or a package's
// type (wrapping a conversion to a package's concrete type is harmless).
// Not any: a notebook value kept whole in an any, returned from a
// function, reaches fmt as nil (yaegi), where the bare struct printed as
// its fields.
func (r *rewriter) convertsToInterface(e ast.Expr) bool {
	switch t := unparen(e).(type) {
	case *ast.InterfaceType:
		return t.Methods != nil && len(t.Methods.List) > 0
	case *ast.Ident:
		if t.Name == "error" && t.Obj == nil {
			return true
		}
		_, ok := r.facts.Interface(t.Name)
		return ok
	case *ast.SelectorExpr:
		_, ok := t.X.(*ast.Ident)
		return ok
	}
	return false
}

// isHostIface reports whether x is known to be of a host interface type:
// an error, or a variable declared with a package's type (fmt.Stringer).
func (r *rewriter) isHostIface(x ast.Expr) bool {
	if r.isErrorExpr(x, 0) {
		return true
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	typ := r.writtenType(id)
	return strings.Contains(typ, ".") && !strings.ContainsAny(typ, "[]*(")
}

// unwrappedGuard rewrites a type switch on an error whose cases are
// notebook types (and other concrete types) to switch on the value inside
// yaegi's wrapper, which its own type switch matches:
//
//	switch e := err.(type) { case TxError: ... }
//	becomes
//	switch e := __gocellfix.Unwrapped(err).(type) { case TxError: ... }
//
// It reports false, changing nothing, when the switch has no variable or
// uses it where it keeps the error's type (a default clause, a clause of
// several types or of nil): it would be of type any there.
func (r *rewriter) unwrappedGuard(ts *ast.TypeSwitchStmt, bind string, x ast.Expr) bool {
	if bind == "" {
		// Without a variable yaegi compares type names, which the value
		// taken out of the wrapper (a Celsius's float64) does not have.
		return false
	}
	for _, c := range ts.Body.List {
		cc := c.(*ast.CaseClause)
		if len(cc.List) == 1 && !isIdentNamed(cc.List[0], "nil") {
			continue
		}
		used := false
		for _, st := range cc.Body {
			ast.Inspect(st, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && id.Name == bind {
					used = true
				}
				return !used
			})
		}
		if used {
			return false
		}
	}
	start, end := r.off(x.Pos()), r.off(x.End())
	r.composites = append(r.composites, composite{start: start, end: end, build: func() []srcEdit {
		return []srcEdit{{start, end, FixPkg + ".Unwrapped(" + r.render(start, end) + ")"}}
	}})
	return true
}

// isIfaceVar reports whether x is a variable declared with a notebook
// interface type or any: yaegi's == on two of them compares its own
// interface values, which differ even when the values they hold are
// equal (Shape(Sq{2}) == Shape(Sq{2}) was false).
func (r *rewriter) isIfaceVar(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	typ := r.writtenType(id)
	if typ == "any" || typ == "interface{}" {
		return true
	}
	_, ok = r.facts.Interface(typ)
	return ok
}

// writtenType is the type a variable was declared with where the
// declaration writes one (a parameter, var x T; for a notebook variable,
// the cell that declared it), or "".
func (r *rewriter) writtenType(id *ast.Ident) string {
	if id.Obj == nil {
		return r.facts.VarTypeText(id.Name)
	}
	if id.Obj.Kind != ast.Var {
		return ""
	}
	switch d := id.Obj.Decl.(type) {
	case *ast.Field:
		return names.ExprString(d.Type)
	case *ast.ValueSpec:
		if d.Type != nil {
			return names.ExprString(d.Type)
		}
	}
	return ""
}
