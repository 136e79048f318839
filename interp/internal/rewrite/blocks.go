package rewrite

import (
	"go/ast"
	"go/token"
)

// Multi-value declarations in nested blocks at the top level of a cell.
//
// yaegi loses a variable that v, ok := f() declares in a block nested in
// the global scope (the body of a top-level for, if or block): a later use
// reads "undefined: v". In a function it is right. So the statements of
// such a block run in a function literal of their own, when nothing in
// them leaves the block otherwise than by its end (a break or continue of
// an enclosing loop, a goto, a return, a label) and nothing is deferred:
//
//	for s.Len() > 0 { v, _ := s.Pop(); ... }  becomes  for s.Len() > 0 { func() { v, _ := s.Pop(); ... }() }
//
// The body of a loop may also continue or break the loop itself: continue
// becomes a return, and break a return of true that the loop breaks on:
//
//	for _, s := range in { n, err := strconv.Atoi(s); if err != nil { break }; ... }
//	becomes
//	for _, s := range in { if func() bool { n, err := strconv.Atoi(s); if err != nil { return true }; ...; return false }() { break } }
func (r *rewriter) blocksWithMultiDefines(whole map[ast.Stmt]bool) {
	var walk func(n ast.Node, top bool)
	walk = func(n ast.Node, top bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				if r.wrapLoopBody(x.Body) {
					return false
				}
			case *ast.RangeStmt:
				if r.wrapLoopBody(x.Body) {
					return false
				}
			case *ast.BlockStmt:
				if top {
					return true
				}
				if hasMultiDefine(x.List) && wrappable(x) {
					r.insert(x.Lbrace+1, " func() {")
					r.insert(x.Rbrace, "}() ")
					return false
				}
			}
			return true
		})
	}
	for _, s := range r.body {
		if whole[s] {
			continue // wholly in a function literal (topwrap.go)
		}
		if b, ok := s.(*ast.BlockStmt); ok {
			// A top-level block: its own statements are handled by the
			// shadowing and comma-ok rewrites, but not a multi-value call.
			if hasMultiDefine(b.List) && wrappable(b) {
				r.insert(b.Lbrace+1, " func() {")
				r.insert(b.Rbrace, "}() ")
				continue
			}
			for _, st := range b.List {
				walk(st, false)
			}
			continue
		}
		walk(s, false)
	}
}

// hasMultiDefine reports whether a statement list declares several
// variables from one call (a, b := f()).
func hasMultiDefine(list []ast.Stmt) bool {
	for _, s := range list {
		if multiDefine(s) || multiDefine(initOf(s)) {
			return true
		}
	}
	return false
}

// initOf returns the init statement of an if or switch statement (an else
// if's too), or nil.
func initOf(s ast.Stmt) ast.Stmt {
	switch x := s.(type) {
	case *ast.IfStmt:
		if x.Init != nil {
			return x.Init
		}
		if e, ok := x.Else.(*ast.IfStmt); ok {
			return initOf(e)
		}
	case *ast.SwitchStmt:
		return x.Init
	case *ast.TypeSwitchStmt:
		return x.Init
	}
	return nil
}

// wrapLoopBody runs the body of a loop in a function literal if it declares
// several variables from one call and control leaves it only at its end or
// by continuing or breaking the loop itself, and reports whether it did.
func (r *rewriter) wrapLoopBody(body *ast.BlockStmt) bool {
	if !hasMultiDefine(body.List) {
		return false
	}
	branches, ok := loopBranches(body)
	if !ok {
		return false
	}
	breaks := false
	for _, b := range branches {
		if b.Tok == token.BREAK {
			breaks = true
		}
	}
	for _, b := range branches {
		switch {
		case b.Tok == token.CONTINUE && breaks:
			r.replace(b, "return false")
		case b.Tok == token.CONTINUE:
			r.replace(b, "return")
		default:
			r.replace(b, "return true")
		}
	}
	if breaks {
		r.insert(body.Lbrace+1, " if func() bool {")
		r.insert(body.Rbrace, "; return false }() { break } ")
	} else {
		r.insert(body.Lbrace+1, " func() {")
		r.insert(body.Rbrace, "}() ")
	}
	return true
}

// wrappable reports whether a block's statements can run in a function
// literal of their own: control leaves them only at their end.
func wrappable(b *ast.BlockStmt) bool {
	_, ok := branchesOut(b, false)
	return ok
}

// loopBranches returns the break and continue statements of a loop's body
// that leave or continue the loop itself, and whether control leaves the
// body only by them or at its end.
func loopBranches(b *ast.BlockStmt) ([]*ast.BranchStmt, bool) { return branchesOut(b, true) }

// branchesOut returns the unlabeled break and continue statements that
// leave a block's statements (allowed only if loopBody), and whether no
// other statement (return, defer, goto, a label, a labeled branch) does.
func branchesOut(b *ast.BlockStmt, loopBody bool) ([]*ast.BranchStmt, bool) {
	var out []*ast.BranchStmt
	ok := true
	selects := 0 // a continue out of a select is rewritten by stmts.go
	var visit func(n ast.Node, loops, breakables int)
	visit = func(n ast.Node, loops, breakables int) {
		ast.Inspect(n, func(n ast.Node) bool {
			if !ok {
				return false
			}
			switch x := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt, *ast.DeferStmt, *ast.LabeledStmt:
				ok = false
			case *ast.BranchStmt:
				switch {
				case x.Label != nil || x.Tok == token.GOTO:
					ok = false
				case x.Tok == token.BREAK && breakables == 0, x.Tok == token.CONTINUE && loops == 0:
					if loopBody && selects == 0 {
						out = append(out, x)
					} else {
						ok = false
					}
				}
			case *ast.ForStmt:
				visit(x.Body, loops+1, breakables+1)
				return false
			case *ast.RangeStmt:
				visit(x.Body, loops+1, breakables+1)
				return false
			case *ast.SelectStmt:
				selects++
				visit(x.Body, loops, breakables+1)
				selects--
				return false
			case *ast.SwitchStmt, *ast.TypeSwitchStmt:
				var body *ast.BlockStmt
				switch y := x.(type) {
				case *ast.SwitchStmt:
					body = y.Body
				case *ast.TypeSwitchStmt:
					body = y.Body
				}
				visit(body, loops, breakables+1)
				return false
			}
			return true
		})
	}
	for _, s := range b.List {
		visit(s, 0, 0)
	}
	return out, ok
}
