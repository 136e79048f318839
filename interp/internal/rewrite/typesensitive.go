package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// Generic functions that look at the dynamic type of a type parameter's
// values.
//
// Inside a generic function instantiated with a notebook type whose
// underlying type is not a struct (type Code int, type IDs []int), yaegi
// v0.16.1 holds the values as the underlying type: a type switch on
// any(v) takes the case int for a Code, and %T or reflect.TypeOf of v say
// int. Go would tell Code. A call that instantiates such a function with
// such a type is an error naming the construct, not a wrong answer.

// failTypeSensitive fails the chunk at call when it instantiates fn with a
// notebook type of non-struct underlying type for a type parameter whose
// values fn's body inspects the dynamic type of.
func (r *rewriter) failTypeSensitive(call *ast.CallExpr, fn *types.Func, sig *types.Signature, targs *types.TypeList, files []*ast.File, info *types.Info) {
	if r.err != nil {
		return
	}
	var fd *ast.FuncDecl
	for _, f := range files {
		for _, d := range f.Decls {
			if x, ok := d.(*ast.FuncDecl); ok && x.Name.Pos() == fn.Pos() {
				fd = x
			}
		}
	}
	if fd == nil || fd.Body == nil {
		return
	}
	for i := 0; i < targs.Len(); i++ {
		n, ok := targs.At(i).(*types.Named)
		if !ok || n.Obj().Pkg() != fn.Pkg() {
			continue
		}
		switch n.Underlying().(type) {
		case *types.Struct, *types.Interface:
			continue
		}
		tp := sig.TypeParams().At(i)
		if what := typeSensitiveUse(fd.Body, tp, n.Underlying(), info); what != "" {
			r.fail(call, "%s: inside %s, %s on a value of type parameter %s, instantiated with %s, would see %s: the interpreter holds values of %s as their underlying type there. Call %s with a value of a predeclared or struct type",
				names.ExprString(call.Fun)+"(...)", fn.Name(), what, tp.Obj().Name(), n.Obj().Name(),
				types.TypeString(n.Underlying(), nil), n.Obj().Name(), fn.Name())
			return
		}
	}
}

// typeSensitiveUse returns what in body looks at the dynamic type of a
// value of type parameter tp in a way that tells a type of underlying type
// under from under itself: "%T", "reflect.TypeOf", a type switch or
// assertion with a case of type under; or "".
func typeSensitiveUse(body *ast.BlockStmt, tp *types.TypeParam, under types.Type, info *types.Info) string {
	ofTP := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		// any(v) and interface{}(v): a conversion of a tp value.
		if c, ok := e.(*ast.CallExpr); ok && len(c.Args) == 1 {
			if tv, ok := info.Types[c.Fun]; ok && tv.IsType() {
				e = ast.Unparen(c.Args[0])
			}
		}
		tv, ok := info.Types[e]
		return ok && tv.Type == types.Type(tp)
	}
	isUnder := func(e ast.Expr) bool {
		tv, ok := info.Types[e]
		return ok && tv.IsType() && types.Identical(tv.Type, under)
	}
	what := ""
	ast.Inspect(body, func(n ast.Node) bool {
		if what != "" {
			return false
		}
		switch x := n.(type) {
		case *ast.TypeSwitchStmt:
			var e ast.Expr
			switch a := x.Assign.(type) {
			case *ast.ExprStmt:
				e = a.X
			case *ast.AssignStmt:
				e = a.Rhs[0]
			}
			if ta, ok := e.(*ast.TypeAssertExpr); !ok || !ofTP(ta.X) {
				return true
			}
			for _, c := range x.Body.List {
				for _, t := range c.(*ast.CaseClause).List {
					if isUnder(t) {
						what = "a type switch"
					}
				}
			}
		case *ast.TypeAssertExpr:
			if x.Type != nil && ofTP(x.X) && isUnder(x.Type) {
				what = "a type assertion"
			}
		case *ast.CallExpr:
			sel, ok := x.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, ok := sel.X.(*ast.Ident)
			if !ok {
				return true
			}
			switch {
			case pkg.Name == "reflect" && (sel.Sel.Name == "TypeOf" || sel.Sel.Name == "ValueOf"):
				if len(x.Args) == 1 && ofTP(x.Args[0]) {
					what = "reflect." + sel.Sel.Name
				}
			case pkg.Name == "fmt" || pkg.Name == "log":
				percentT := false
				for _, a := range x.Args {
					if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(lit.Value, "%T") {
						percentT = true
					}
				}
				for _, a := range x.Args {
					if percentT && ofTP(a) {
						what = "%T"
					}
				}
			}
		}
		return true
	})
	return what
}
