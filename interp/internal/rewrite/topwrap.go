package rewrite

import (
	"go/ast"
	"go/token"
)

// Whole top-level statements in a function literal.
//
// (So does a top-level statement declaring a type in a block: yaegi loses
// a variable of a type declared in a block of the global scope.)
//
// blocks.go runs a nested block declaring v, err := f() in a function
// literal of its own, a loop's body even when it breaks or continues the
// loop, which it cannot do for a block left by a branch of a loop around
// it (for { if ok { n, err := f(); ...; break } }), nor for a case clause
// of a switch or select, which is no block: "undefined: n". Such a top-level statement runs whole in a
// function literal instead, when nothing in it leaves it otherwise than by
// its end: no return, no cell-level defer, no goto, no branch to a label
// outside it. Nothing it declares outlives it (the variables of a for,
// if, switch or block are local to it), so the literal changes no scope.
//
//	for { n, err := r.Read(b); ... }  becomes  func() { for { n, err := r.Read(b); ... } }()

// wholeStmtWraps returns the top-level statements to run in a function
// literal, and inserts the literal around each.
func (r *rewriter) wholeStmtWraps() map[ast.Stmt]bool {
	var out map[ast.Stmt]bool
	for _, stmt := range r.body {
		s := stmt
		if l, ok := s.(*ast.LabeledStmt); ok {
			s = l.Stmt
		}
		switch x := s.(type) {
		case *ast.IfStmt:
			if x.Init != nil && (multiDefine(x.Init) || commaOkDefine(x.Init) != nil) {
				continue // inFuncLit and commaOkInit handle the init
			}
		case *ast.SwitchStmt:
			if x.Init != nil && (multiDefine(x.Init) || commaOkDefine(x.Init) != nil) {
				continue
			}
		case *ast.TypeSwitchStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SelectStmt, *ast.BlockStmt:
		default:
			continue
		}
		if !needsWholeWrap(s) || !r.leavesOnlyAtEnd(stmt) {
			continue
		}
		if out == nil {
			out = map[ast.Stmt]bool{}
		}
		out[stmt] = true
		r.insert(stmt.Pos(), "func() { ")
		r.insert(stmt.End(), " }()")
	}
	return out
}

// needsWholeWrap reports whether a top-level statement holds a multi-value
// declaration in a nested statement list that blocks.go cannot run in a
// function literal of its own: a block left by a branch, or a case clause.
func needsWholeWrap(s ast.Stmt) bool {
	found := false
	loopBodies := map[*ast.BlockStmt]bool{} // blocks.go runs these in a literal
	loopBody := func(b *ast.BlockStmt) {
		if _, ok := loopBranches(b); ok && hasMultiDefine(b.List) {
			loopBodies[b] = true
		}
	}
	ast.Inspect(s, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			loopBody(x.Body)
		case *ast.RangeStmt:
			loopBody(x.Body)
		case *ast.BlockStmt:
			if x != topBody(s) && !loopBodies[x] && hasMultiDefine(x.List) && !wrappable(x) {
				found = true
			}
		case *ast.TypeSpec:
			// A type declared in a block in the global scope: yaegi
			// loses a variable of that type (var t T = ...; then
			// "undefined: t"). In a function it is right.
			found = true
		case *ast.CaseClause:
			found = hasMultiDefine(x.Body)
		case *ast.CommClause:
			found = hasMultiDefine(x.Body)
		}
		return !found
	})
	return found
}

// topBody returns the block of a top-level block statement, whose own
// statements are top-level ones (handled by the other rewrites).
func topBody(s ast.Stmt) *ast.BlockStmt {
	if b, ok := s.(*ast.BlockStmt); ok {
		return b
	}
	return nil
}

// leavesOnlyAtEnd reports whether control leaves a top-level statement
// only at its end: no return, cell-level defer or goto in it, and every
// labeled break or continue names a label inside it.
func (r *rewriter) leavesOnlyAtEnd(s ast.Stmt) bool {
	labels := map[string]bool{}
	ast.Inspect(s, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok {
			labels[l.Label.Name] = true
		}
		return true
	})
	ok := true
	ast.Inspect(s, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			ok = false
		case *ast.DeferStmt:
			ok = !r.cellDefers[x]
		case *ast.BranchStmt:
			if x.Tok == token.GOTO || x.Label != nil && !labels[x.Label.Name] {
				ok = false
			}
		}
		return ok
	})
	return ok
}
