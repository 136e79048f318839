package rewrite

import (
	"go/ast"
	"strings"
)

// recover() at a cell's top level, outside any function: Go returns nil
// (no deferred function calls it); yaegi v0.16.1 crashes looking for the
// frame of the function that deferred it. Such a call is nil.
func (r *rewriter) topLevelRecovers() {
	if !strings.Contains(r.text, "recover(") {
		return
	}
	for _, s := range r.body {
		ast.Inspect(s, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.DeferStmt:
				return false // defer recover(): left to the interpreter
			case *ast.CallExpr:
				if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "recover" && len(x.Args) == 0 && r.isUniverse(id) {
					r.replace(x, "any(nil)")
				}
			}
			return true
		})
	}
}
