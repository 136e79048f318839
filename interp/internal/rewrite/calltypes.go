package rewrite

import (
	"go/ast"
	"go/parser"

	"github.com/gocell/gocell/interp/internal/names"
)

// callResultElem returns the element type (kind "chan" or "map") of the
// result of a call of a notebook function with one result, as elemType
// does for make(T) and T{...}: ch := producer() of a func producer()
// <-chan string has elements of type string.
func (r *rewriter) callResultElem(e ast.Expr, kind string) string {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return ""
	}
	id, ok := call.Fun.(*ast.Ident)
	if !ok || id.Obj != nil && id.Obj.Kind != ast.Fun {
		return ""
	}
	fi, ok := r.facts.Func(id.Name)
	if !ok || fi.Results != 1 || fi.ResultText == "" || fi.TypeParams > 0 {
		return ""
	}
	t, err := parser.ParseExpr(fi.ResultText)
	if err != nil {
		return ""
	}
	return elemOf(t, kind, func(n ast.Node) string { return names.ExprString(n.(ast.Expr)) })
}

// funcValueResult is the type of a call of a function value whose type
// the syntax tells (getters[1]() of a []func() Temp), when it has one
// result of a notebook type.
func (r *rewriter) funcValueResult(call *ast.CallExpr, depth int) string {
	if _, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		return "" // a function or a variable: the facts' business
	}
	ft, ok := r.typeExprOf(call.Fun, depth+1).(*ast.FuncType)
	if !ok || ft.Results == nil || len(ft.Results.List) != 1 || len(ft.Results.List[0].Names) > 1 {
		return ""
	}
	return r.staticTypeName(ft.Results.List[0].Type, true)
}
