package rewrite

import (
	"go/ast"
	"sort"
	"strconv"

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
func (r *rewriter) assertKind(t ast.Expr) string {
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
		return r.assertKind(t.X)
	}
	return ""
}

// assertText is the replacement of x.(t) (x already rendered), or "".
func (r *rewriter) assertText(x string, t ast.Expr, commaOk bool) string {
	kind := r.assertKind(t)
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
	if !ok || ta.Type == nil || r.assertKind(ta.Type) == "" {
		return true
	}
	start, end := r.off(ta.Pos()), r.off(ta.End())
	xStart, xEnd := r.off(ta.X.Pos()), r.off(ta.X.End())
	ok2 := commaOk[ta]
	r.composites = append(r.composites, composite{start: start, end: end, build: func() []srcEdit {
		return []srcEdit{{start, end, r.assertText(r.render(xStart, xEnd), ta.Type, ok2)}}
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

// notebookType reports whether t names a notebook type or a pointer to
// one: yaegi's type switch does not match such a case when the value is
// held in a host interface (a Celsius in a fmt.Stringer), though its type
// assertion does.
func (r *rewriter) notebookType(t ast.Expr) bool {
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	id, ok := unparen(t).(*ast.Ident)
	return ok && r.facts.TypeKind(id.Name) != names.KindUnknown
}
