package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"github.com/gocell/gocell/interp/cell"
)

// Statement rewrites.
//
// defer: yaegi evaluates the arguments of a deferred call when it runs,
// not when the defer statement executes, and a defer statement executed
// several times (in a loop) runs with its last arguments, receiver or
// function literal every time. Such a deferred call hands the function
// and its arguments, evaluated now, to the host, which keeps a stack of
// calls per goroutine; the deferred call makes the latest one:
//
//	defer f(a, b)             becomes  { __gocellfix.Push2(f, a, b); defer __gocellfix.Pop() }
//	defer x.Close() (in a loop)  becomes  { __gocellfix.Push0(func() any { __r := x; return __r.Close }()); defer __gocellfix.Pop() }
//
// A function literal is made in a function of its own (yaegi cannot call
// one made in the deferring function while it runs deferred calls).
// Builtins (close, delete) and functions that call recover are left alone:
// recover must be called by the deferred function itself.
// Type switches with a case error: yaegi's type switch does not match
// errors made by host code (errors.New) to error, though its type
// assertion does. Such a switch becomes an expression switch on
// assertions:
//
//	switch x := v.(type) { case error: ... }
//	becomes
//	switch __ts := v; { case func() bool { _, ok := __ts.(error); return ok }(): x := __ts.(error); ... }
func (r *rewriter) rewriteStmts(root ast.Node) {
	var walk func(n ast.Node, inLoop bool)
	walk = func(n ast.Node, inLoop bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				walk(x.Body, false)
				return false
			case *ast.ForStmt:
				for _, c := range []ast.Node{x.Init, x.Cond, x.Post} {
					if c != nil {
						walk(c, inLoop)
					}
				}
				walk(x.Body, true)
				return false
			case *ast.RangeStmt:
				walk(x.X, inLoop)
				walk(x.Body, true)
				return false
			case *ast.DeferStmt:
				r.deferCall(x, inLoop)
			case *ast.TypeSwitchStmt:
				r.typeSwitch(x)
			}
			return true
		})
	}
	walk(root, false)
	r.selectBranches(root)
}

// selectBranches rewrites break and continue statements in a select that
// leave it for an enclosing loop: yaegi ends the select instead (break L
// loops forever, continue runs the rest of the loop body). They become
// gotos to labels after the labeled statement (break) or at the end of the
// loop's body, whose statements are put in a block so that the goto jumps
// over no declaration (continue).
func (r *rewriter) selectBranches(root ast.Node) {
	type frame struct {
		stmt  ast.Stmt // a for, range, switch, type switch or select
		label string
		body  *ast.BlockStmt // of a loop
	}
	brk := map[ast.Stmt]string{}  // statement -> label placed after it
	cont := map[ast.Stmt]string{} // loop -> label at the end of its body
	bodies := map[ast.Stmt]*ast.BlockStmt{}
	var walk func(n ast.Node, stack []frame, inSelect int)
	walk = func(n ast.Node, stack []frame, inSelect int) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				walk(x.Body, nil, 0)
				return false
			case *ast.LabeledStmt:
				f := frame{stmt: x.Stmt, label: x.Label.Name}
				switch l := x.Stmt.(type) {
				case *ast.ForStmt:
					f.body = l.Body
				case *ast.RangeStmt:
					f.body = l.Body
				}
				if f.body != nil || isBreakable(x.Stmt) {
					sel := inSelect
					if _, ok := x.Stmt.(*ast.SelectStmt); ok {
						sel = len(stack) + 1
					}
					walk(x.Stmt, append(stack, f), sel)
					return false
				}
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if len(stack) > 0 && stack[len(stack)-1].stmt == n {
					break // entered through its label
				}
				f := frame{stmt: x.(ast.Stmt)}
				switch l := x.(type) {
				case *ast.ForStmt:
					f.body = l.Body
				case *ast.RangeStmt:
					f.body = l.Body
				}
				sel := inSelect
				if _, ok := x.(*ast.SelectStmt); ok {
					sel = len(stack) + 1
				}
				for _, c := range childNodes(x) {
					walk(c, append(stack, f), sel)
				}
				return false
			case *ast.BranchStmt:
				if inSelect == 0 || x.Tok != token.BREAK && x.Tok != token.CONTINUE {
					return true
				}
				// The statement the branch leaves, if outside the select.
				target := -1
				for i := len(stack) - 1; i >= 0; i-- {
					f := stack[i]
					if x.Label != nil {
						if f.label == x.Label.Name {
							target = i
							break
						}
						continue
					}
					if x.Tok == token.BREAK {
						break // an unlabeled break ends the innermost statement
					}
					if f.body != nil {
						target = i
						break
					}
				}
				if target < 0 || target >= inSelect-1 {
					return true // inside the select: yaegi is right
				}
				f := stack[target]
				if x.Tok == token.BREAK {
					if brk[f.stmt] == "" {
						brk[f.stmt] = r.name("brk")
					}
					r.replace(x, "goto "+brk[f.stmt])
				} else {
					if cont[f.stmt] == "" {
						cont[f.stmt] = r.name("cont")
						bodies[f.stmt] = f.body
					}
					r.replace(x, "goto "+cont[f.stmt])
				}
			}
			return true
		})
	}
	walk(root, nil, 0)
	for stmt, label := range brk {
		r.insert(stmt.End(), "; "+label+": ;")
	}
	for stmt, label := range cont {
		body := bodies[stmt]
		r.insert(body.Lbrace+1, " {")
		r.insert(body.Rbrace, "}; "+label+": ;")
	}
}

func isBreakable(s ast.Stmt) bool {
	switch s.(type) {
	case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		return true
	}
	return false
}

// childNodes returns the direct children of a statement.
func childNodes(n ast.Node) []ast.Node {
	var out []ast.Node
	first := true
	ast.Inspect(n, func(c ast.Node) bool {
		if first {
			first = false
			return true
		}
		if c != nil {
			out = append(out, c)
		}
		return false
	})
	return out
}

func (r *rewriter) deferCall(d *ast.DeferStmt, inLoop bool) {
	if r.cellDefers[d] {
		return // the cell's own (toplevel.go)
	}
	call := d.Call
	args := false // arguments to evaluate now
	for _, a := range call.Args {
		if !isConstExpr(a) {
			args = true
		}
	}
	if len(call.Args) == 1 {
		if c, ok := call.Args[0].(*ast.CallExpr); ok && !r.singleResult(c) {
			return // f(g()) with g of several results
		}
	}
	n := len(call.Args)
	push := fmt.Sprintf("Push%d", n)
	if call.Ellipsis.IsValid() {
		push = fmt.Sprintf("PushSlice%d", n)
	}
	if n > 6 || call.Ellipsis.IsValid() && n > 3 {
		return
	}
	// fun builds the function value to push, from the rendered text of
	// the call's function; it is bound now when yaegi would bind it late.
	fun := func(s string) string { return s }
	switch f := call.Fun.(type) {
	case *ast.FuncLit:
		if callsRecover(f.Body) || !args && !inLoop {
			return
		}
		// A function literal made in the deferring function cannot be
		// called while yaegi runs its deferred calls: it is made in one
		// of its own.
		fun = func(s string) string { return "func() any { return " + s + " }()" }
	case *ast.Ident:
		if !args || f.Obj == nil && !r.facts.IsFunc(f.Name) || r.mayRecover(f) {
			return // no arguments, a builtin or conversion, or may recover
		}
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok && x.Obj == nil && !r.facts.HasVar(x.Name) {
			if !args {
				return // a package's function without arguments
			}
			break
		}
		if r.mayRecoverMethod(f) {
			return
		}
		if deref, copyRecv := r.deferReceiver(f); copyRecv && !inLoop {
			// A value receiver is copied now (deferrecv.go).
			xs, xe := r.off(f.X.Pos()), r.off(f.X.End())
			sel := f.Sel.Name
			fun = func(string) string {
				return "func() any { __r := " + deref + "(" + r.render(xs, xe) + "); return __r." + sel + " }()"
			}
			break
		}
		if !args && !inLoop {
			return
		}
		if inLoop {
			// The receiver is copied now, in a function of its own (yaegi
			// binds a method value to the variable).
			xs, xe := r.off(f.X.Pos()), r.off(f.X.End())
			sel := f.Sel.Name
			fun = func(string) string {
				return "func() any { __r := " + r.render(xs, xe) + "; return __r." + sel + " }()"
			}
		}
	default:
		if !args {
			return
		}
	}
	start, end := r.off(d.Pos()), r.off(d.End())
	funStart, funEnd := r.off(call.Fun.Pos()), r.off(call.Fun.End())
	r.composites = append(r.composites, composite{start: start, end: end, build: func() []srcEdit {
		parts := []string{fun(r.render(funStart, funEnd))}
		for _, a := range call.Args {
			parts = append(parts, r.renderNode(a))
		}
		text := "{ " + FixPkg + "." + push + "(" + strings.Join(parts, ", ") + "); defer " + FixPkg + ".Pop() }"
		return []srcEdit{{start, end, text}}
	}})
}

// mayRecoverMethod reports whether a notebook method may call recover.
func (r *rewriter) mayRecoverMethod(f *ast.SelectorExpr) bool {
	m, ok := r.facts.Method(f.Sel.Name)
	return ok && m.Recovers
}

// mayRecover reports whether a deferred function may call recover: a
// notebook function known to.
func (r *rewriter) mayRecover(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.FuncLit:
		return callsRecover(f.Body)
	case *ast.Ident:
		if f.Obj == nil {
			fi, ok := r.facts.Func(f.Name)
			return ok && fi.Recovers
		}
		d, ok := f.Obj.Decl.(*ast.FuncDecl)
		return !ok || callsRecover(d.Body)
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok && x.Obj == nil && !r.facts.HasVar(x.Name) {
			return false // a package's function
		}
		m, ok := r.facts.Method(f.Sel.Name)
		return !ok || m.Recovers
	}
	return true
}

// callsRecover reports whether a function body calls recover.
func callsRecover(body *ast.BlockStmt) bool {
	found := false
	if body == nil {
		return false
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && isIdentNamed(c.Fun, "recover") {
			found = true
		}
		return !found
	})
	return found
}

// singleResult reports whether a call is known to have one result: a
// builtin or conversion, a package's function other than a few, or a
// notebook function or method declared with one.
func (r *rewriter) singleResult(c *ast.CallExpr) bool {
	switch f := c.Fun.(type) {
	case *ast.Ident:
		if f.Obj == nil {
			if fi, ok := r.facts.Func(f.Name); ok {
				return fi.Results == 1
			}
			return true // builtin or conversion
		}
		if d, ok := f.Obj.Decl.(*ast.FuncDecl); ok {
			return d.Type.Results != nil && d.Type.Results.NumFields() == 1
		}
		return false
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok && x.Obj == nil && !r.facts.HasVar(x.Name) {
			return true // a package's function: almost always one result
		}
		m, ok := r.facts.Method(f.Sel.Name)
		return ok && m.Results == 1
	}
	return false
}

func (r *rewriter) typeSwitch(ts *ast.TypeSwitchStmt) {
	var bind string // the switch's variable, if any
	var x ast.Expr
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		bind = a.Lhs[0].(*ast.Ident).Name
		x = a.Rhs[0].(*ast.TypeAssertExpr).X
	case *ast.ExprStmt:
		x = a.X.(*ast.TypeAssertExpr).X
	default:
		return
	}
	fromError := r.isHostIface(x)
	hasError := false // or another case yaegi's type switch gets wrong (asserts.go)
	onlyConcrete := true
	for _, c := range ts.Body.List {
		for _, t := range c.(*ast.CaseClause).List {
			if k := r.assertKind(t, fromError); k != "" {
				hasError = true
				onlyConcrete = onlyConcrete && strings.HasPrefix(k, concretePrefix)
			}
		}
	}
	if !hasError || ts.Init != nil {
		return
	}
	if onlyConcrete && r.unwrappedGuard(ts, bind, x) {
		return
	}
	v := r.name("ts")
	hdrStart, hdrEnd := r.off(ts.Switch), r.off(ts.Body.Lbrace)+1
	if strings.Contains(r.text[hdrStart:hdrEnd], "\n") {
		return
	}
	for _, c := range ts.Body.List {
		cc := c.(*ast.CaseClause)
		hs, he := r.off(cc.Case), r.off(cc.Colon)+1
		if strings.Contains(r.text[hs:he], "\n") {
			return
		}
	}
	xStart, xEnd := r.off(x.Pos()), r.off(x.End())
	r.composites = append(r.composites, composite{start: hdrStart, end: hdrEnd, build: func() []srcEdit {
		return []srcEdit{{hdrStart, hdrEnd, "switch " + v + " := " + r.renderExpr(xStart, xEnd) + "; {"}}
	}})
	for _, c := range ts.Body.List {
		cc := c.(*ast.CaseClause)
		hs, he := r.off(cc.Case), r.off(cc.Colon)+1
		var conds []string
		for _, t := range cc.List {
			if id, ok := t.(*ast.Ident); ok && id.Name == "nil" && id.Obj == nil {
				conds = append(conds, v+" == nil")
				continue
			}
			switch k := r.assertKind(t, fromError); k {
			case "error", "fmt.Stringer":
				// A helper, not a function literal: yaegi mixed up the
				// values of such literals in a loop at a cell's top level.
				conds = append(conds, FixPkg+".Is"+map[string]string{"error": "Error", "fmt.Stringer": "Stringer"}[k]+"("+v+")")
				continue
			case "":
			default:
				conds = append(conds, "func() bool { _, ok := "+r.assertText(v, t, true, fromError)+"; return ok }()")
				continue
			}
			conds = append(conds, "func() bool { _, ok := "+v+".("+r.src(t)+"); return ok }()")
		}
		var text string
		if cc.List == nil {
			text = "default:"
		} else {
			text = "case " + strings.Join(conds, " || ") + ":"
		}
		if bind != "" {
			val := v
			if len(cc.List) == 1 && !(isIdentNamed(cc.List[0], "nil")) {
				val = v + ".(" + r.src(cc.List[0]) + ")"
				if a := r.assertText(v, cc.List[0], false, fromError); a != "" {
					val = a
				}
			}
			name := bind
			if r.kind == cell.Stmts {
				// At a cell's top level yaegi gives the variables of
				// nested blocks global slots: one name per clause, so
				// that each keeps its own type.
				name = r.name(bind + "_")
				r.renameUses(cc.Body, ts.Assign, name)
			}
			text += " " + name + " := " + val + "; _ = " + name + ";"
		}
		r.edits = append(r.edits, srcEdit{hs, he, text})
	}
}

func isIdentNamed(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name && id.Obj == nil
}

// renameUses renames the uses, in stmts, of the variable declared by decl.
func (r *rewriter) renameUses(stmts []ast.Stmt, decl ast.Node, name string) {
	for _, st := range stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Obj != nil && id.Obj.Decl == decl {
				r.replace(id, name)
			}
			return true
		})
	}
}
