package rewrite

import (
	"go/ast"
	"go/token"
)

// missingReturns refuses a function with results whose body can reach its
// end, as the Go compiler does ("missing return"). yaegi runs such a
// function and returns zero values: a cell that compiled Go rejects would
// print a wrong answer instead of an error.
func (r *rewriter) missingReturns() {
	ast.Inspect(r.file, func(n ast.Node) bool {
		if r.err != nil {
			return false
		}
		var typ *ast.FuncType
		var body *ast.BlockStmt
		switch f := n.(type) {
		case *ast.FuncDecl:
			typ, body = f.Type, f.Body
		case *ast.FuncLit:
			typ, body = f.Type, f.Body
		default:
			return true
		}
		if body != nil && typ.Results != nil && len(typ.Results.List) > 0 && !terminates(body, "") {
			r.fail(&ast.Ident{NamePos: body.Rbrace}, "missing return")
		}
		return true
	})
}

// terminates reports whether s is a terminating statement in the sense of
// the Go specification; label is the label of s, if it has one.
func terminates(s ast.Stmt, label string) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.GOTO
	case *ast.ExprStmt:
		call, ok := s.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		return ok && id.Name == "panic"
	case *ast.BlockStmt:
		return listTerminates(s.List)
	case *ast.LabeledStmt:
		return terminates(s.Stmt, s.Label.Name)
	case *ast.IfStmt:
		return s.Else != nil && terminates(s.Body, "") && terminates(s.Else, "")
	case *ast.ForStmt:
		return s.Cond == nil && !breaksOut(s.Body, label)
	case *ast.SwitchStmt:
		return clausesTerminate(s.Body, label)
	case *ast.TypeSwitchStmt:
		return clausesTerminate(s.Body, label)
	case *ast.SelectStmt:
		if breaksOut(s.Body, label) {
			return false
		}
		for _, c := range s.Body.List {
			if !listTerminates(c.(*ast.CommClause).Body) {
				return false
			}
		}
		return true
	}
	return false
}

// listTerminates reports whether a statement list ends in a terminating
// statement (empty statements at its end do not count).
func listTerminates(list []ast.Stmt) bool {
	for i := len(list) - 1; i >= 0; i-- {
		if _, empty := list[i].(*ast.EmptyStmt); !empty {
			return terminates(list[i], "")
		}
	}
	return false
}

// clausesTerminate is the rule for a switch: a default case, no break out
// of it, and every case ending in a terminating statement or a
// fallthrough.
func clausesTerminate(body *ast.BlockStmt, label string) bool {
	if breaksOut(body, label) {
		return false
	}
	hasDefault := false
	for _, s := range body.List {
		c := s.(*ast.CaseClause)
		if c.List == nil {
			hasDefault = true
		}
		if n := len(c.Body); n > 0 {
			if b, ok := c.Body[n-1].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
				continue
			}
		}
		if !listTerminates(c.Body) {
			return false
		}
	}
	return hasDefault
}

// breaksOut reports whether body holds a break that leaves the statement
// it belongs to: an unlabeled one not inside a nested for, switch or
// select, or one naming label. Function literals are not entered.
func breaksOut(body *ast.BlockStmt, label string) bool {
	found := false
	var walk func(n ast.Node, nested bool)
	walk = func(n ast.Node, nested bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			if found || m == nil {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				if m.Tok == token.BREAK && ((m.Label == nil && !nested) || (m.Label != nil && m.Label.Name == label && label != "")) {
					found = true
				}
				return false
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if m != n {
					walk(m, true)
					return false
				}
			}
			return true
		})
	}
	walk(body, false)
	return found
}
