package rewrite

import (
	"go/ast"
	"go/token"
)

// A notebook variable declared again at a cell's top level, after the
// chunk used it:
//
//	var x = "package"   (an earlier cell or chunk)
//	fmt.Println(x)      // Go: "package"
//	x := "main"         // a new variable from here on
//
// yaegi compiles the whole chunk in the global scope, where the new x takes
// the name from the chunk's first line on: the Println read the new,
// still empty variable. So the chunk runs in two parts, split before the
// declaration (Error.Split): the statements before it see the notebook's
// x, those after it the new one, and the functions declared earlier keep
// the variable they were compiled with, as in Go.

// redeclareSplit returns the offset in the chunk of the first top-level
// statement declaring (:= or var) a notebook variable the chunk used
// before it, or -1. A chunk with a label (a goto could cross the split)
// is not split.
func (r *rewriter) redeclareSplit() int {
	declared := map[string]bool{} // by earlier top-level statements
	used := map[string]bool{}     // free names of earlier statements
	for i, s := range r.body {
		if _, ok := s.(*ast.LabeledStmt); ok {
			return -1
		}
		if i > 0 {
			for _, id := range redeclaredIdents(s) {
				if used[id.Name] && !declared[id.Name] && r.facts.HasVar(id.Name) {
					if hasLabels(r.body[i:]) {
						return -1
					}
					return r.off(s.Pos())
				}
			}
		}
		for _, id := range declaredIdents(s) {
			declared[id.Name] = true
		}
		freeNames(s, used)
	}
	return -1
}

// redeclaredIdents returns the variables a top-level statement declares
// anew: every name of a var declaration, and the names of a := that an
// earlier statement of the chunk did not declare (declaredIdents with the
// chunk's resolution: the parser points such a name at its first
// declaration).
func redeclaredIdents(s ast.Stmt) []*ast.Ident {
	var out []*ast.Ident
	for _, id := range declaredIdents(s) {
		if id.Name == "_" || id.Obj == nil || id.Obj.Kind != ast.Var {
			continue
		}
		if decl, ok := id.Obj.Decl.(ast.Node); ok && decl.Pos() > s.Pos() && decl.End() <= s.End() || id.Obj.Decl == s {
			out = append(out, id)
		}
	}
	return out
}

// freeNames adds to used the names a statement refers to that it does not
// declare itself: the parser leaves them unresolved (Obj nil).
func freeNames(s ast.Stmt, used map[string]bool) {
	ast.Inspect(s, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(x.X, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && id.Obj == nil {
					used[id.Name] = true
				}
				return true
			})
			return false
		case *ast.Ident:
			if x.Obj == nil {
				used[x.Name] = true
			}
		}
		return true
	})
}

// hasLabels reports whether statements hold a labeled statement or a goto.
func hasLabels(list []ast.Stmt) bool {
	found := false
	for _, s := range list {
		ast.Inspect(s, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.LabeledStmt:
				found = true
			case *ast.BranchStmt:
				if x.Tok == token.GOTO {
					found = true
				}
			}
			return !found
		})
	}
	return found
}
