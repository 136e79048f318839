package rewrite

import "go/ast"

// spreadPrintArgs shows the elements of a []any spread into a printing
// call (fmt.Println(xs...)) through their methods: the elements reach fmt
// in yaegi's wrappers, printed as {0xc000... {...}} instead of through
// their String methods. Only a slice the syntax shows to be a []any (or
// []interface{}) is passed through __gocellfix.ShownAll.
func (r *rewriter) spreadPrintArgs(call *ast.CallExpr) {
	if len(call.Args) == 0 {
		return
	}
	last := call.Args[len(call.Args)-1]
	t, ok := r.typeExprOf(last, 0).(*ast.ArrayType)
	if !ok || t.Len != nil {
		return
	}
	switch e := t.Elt.(type) {
	case *ast.Ident:
		if e.Name != "any" || e.Obj != nil {
			return
		}
	case *ast.InterfaceType:
		if e.Methods != nil && len(e.Methods.List) > 0 {
			return
		}
	default:
		return
	}
	r.insert(last.Pos(), FixPkg+".ShownAll(")
	r.insert(last.End(), ")")
}
