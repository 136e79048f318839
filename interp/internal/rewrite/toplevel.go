package rewrite

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/cell"
)

// Statements at the top level of a cell run in the notebook's global
// scope, where yaegi gets these wrong:
//
//   - v, ok := m[k], v, ok := x.(T) and v, ok := <-ch, anywhere outside a
//     function (also in if and switch init statements and in nested
//     blocks): the interpreter panics ("nil type") or reports v undefined.
//     They become a declaration from expressions it can type, then the
//     assignment: v, ok := m[k], false; v, ok = m[k], or var v T; var ok
//     bool for x.(T) and for <-ch when the channel's element type is known
//     (from the declaration of the channel, in this cell or another). In an init
//     statement, the declaration moves in front of the if or switch, in a
//     block that keeps it local.
//   - the init statement of if, switch and for, and a type switch's
//     v := x.(type): the variables would become notebook variables. The
//     statement is put in a block of its own, where they are local, as in
//     Go.
func (r *rewriter) topLevelStmts() {
	r.predeclaredTypeVars()
	r.selfReadingDefines()
	r.topLevelRecovers()
	r.commaOks()
	whole := r.wholeStmtWraps()
	for _, s := range r.body {
		stmt := s
		if whole[stmt] {
			continue // in a function literal: its scope is right
		}
		if l, ok := s.(*ast.LabeledStmt); ok {
			s = l.Stmt
		}
		_, labeled := stmt.(*ast.LabeledStmt)
		switch x := s.(type) {
		case *ast.IfStmt:
			if multiDefine(x.Init) && !labeled {
				r.inFuncLit(x.If, x.Init.Pos(), x.Cond.Pos(), "if ", x.End())
				break
			}
			r.blockIf(stmt, x.Init != nil)
		case *ast.SwitchStmt:
			if multiDefine(x.Init) && !labeled {
				at := x.Body.Lbrace
				if x.Tag != nil {
					at = x.Tag.Pos()
				}
				r.inFuncLit(x.Switch, x.Init.Pos(), at, "switch ", x.End())
				break
			}
			r.blockIf(stmt, x.Init != nil)
		case *ast.TypeSwitchStmt:
			r.blockIf(stmt, x.Init != nil || isDefine(x.Assign))
		case *ast.ForStmt:
			r.blockIf(stmt, x.Init != nil)
		}
	}
	r.topLevelGenerics()
	r.runeConstants()
	r.topLevelReturns()
	r.topLevelDefers()
	r.blocksWithMultiDefines(whole)
}

// Deferred calls at the top level of a cell (outside functions) run when
// the cell ends, as a main's run when it returns. yaegi keeps them in the
// notebook's global frame, which never returns: they ran at the end of the
// chunk and again after every later cell. They go to the session instead,
// which runs them, last first, when the cell ends; the function and the
// arguments are evaluated at the defer statement, as in Go:
//
//	defer f(a, 10)  becomes  __gocell.Defer(func() func() { __f, __a1 := f, a; return func() { __f(__a1, 10) } }())
//
// A function literal that calls recover is left to yaegi: it must be the
// deferred call of the panicking function.

// findCellDefers records the top-level defers to rewrite.
func (r *rewriter) findCellDefers() {
	r.cellDefers = map[*ast.DeferStmt]bool{}
	for _, s := range r.body {
		ast.Inspect(s, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.DeferStmt:
				if f, ok := x.Call.Fun.(*ast.FuncLit); ok && callsRecover(f.Body) {
					return true
				}
				if id, ok := x.Call.Fun.(*ast.Ident); ok && r.mayRecover(id) {
					return true
				}
				r.cellDefers[x] = true
			}
			return true
		})
	}
}

var builtinFuncs = map[string]bool{
	"close": true, "delete": true, "panic": true, "print": true, "println": true, "copy": true, "clear": true,
}

func (r *rewriter) topLevelDefers() {
	for d := range r.cellDefers {
		call := d.Call
		start, end := r.off(d.Pos()), r.off(d.End())
		r.composites = append(r.composites, composite{start: start, end: end, prio: 5, build: func() []srcEdit {
			var names, vals, args []string
			fun := r.renderNode(call.Fun)
			if id, ok := call.Fun.(*ast.Ident); ok && id.Obj == nil && builtinFuncs[id.Name] && !r.facts.IsFunc(id.Name) {
				// A builtin is no value: only its arguments are bound.
			} else {
				names, vals = append(names, "__f"), append(vals, fun)
				fun = "__f"
			}
			for i, a := range call.Args {
				text := r.renderNode(a)
				if isConstExpr(a) || isIdentNamed(a, "nil") {
					args = append(args, text)
					continue
				}
				n := "__a" + strconv.Itoa(i+1)
				names, vals, args = append(names, n), append(vals, text), append(args, n)
			}
			ell := ""
			if call.Ellipsis.IsValid() {
				ell = "..."
			}
			bind := ""
			if len(names) > 0 {
				bind = strings.Join(names, ", ") + " := " + strings.Join(vals, ", ") + "; "
			}
			text := cell.RuntimeName + ".Defer(func() func() { " + bind + "return func() { " + fun + "(" + strings.Join(args, ", ") + ell + ") } }())"
			// Keep the line structure: newlines of the call go at the end.
			if pad := strings.Count(r.text[start:end], "\n") - strings.Count(text, "\n"); pad > 0 {
				text += strings.Repeat("\n", pad)
			}
			return []srcEdit{{start, end, text}}
		}})
	}
}

// ReturnLabel ends a statements chunk that has a return at its top level.
const ReturnLabel = "__gocell_return"

// topLevelReturns: a return at the top level of a cell (the body of a
// main pasted into a cell: if err != nil { ...; return }) ends the cell,
// as it ends main; yaegi panics compiling it. It becomes a call that tells
// the session the cell returned (no later chunk of it runs) and a goto to
// a label after the chunk's last statement:
//
//	return  becomes  { __gocell.Return(); goto __gocell_return }
func (r *rewriter) topLevelReturns() {
	found := false
	for _, s := range r.body {
		ast.Inspect(s, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(x.Results) > 0 {
					r.fail(x, "return with a value at the top level of a cell: a cell is not a function; print the value, or end the cell with it as an expression")
					return false
				}
				r.replace(x, "{ "+cell.RuntimeName+".Return(); goto "+ReturnLabel+" }")
				found = true
			}
			return true
		})
	}
	if found {
		// After the last statement, on its line (before a comment there).
		r.insert(r.body[len(r.body)-1].End(), "; "+ReturnLabel+":")
	}
}

// runeConstants gives a notebook variable declared from an untyped rune
// constant the type rune, as Go does: at a cell's top level yaegi gives it
// int (r := 'é' then fails "cannot use type int as type int32").
//
//	r := 'é'  becomes  r := rune('é')
func (r *rewriter) runeConstants() {
	wrap := func(e ast.Expr) {
		if !isConstExpr(e) {
			return
		}
		if _, rank, ok := constValue(e); ok && rank == 1 {
			r.insert(e.Pos(), "rune(")
			r.insert(e.End(), ")")
		}
	}
	for _, s := range r.body {
		switch s := s.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE && len(s.Lhs) == len(s.Rhs) {
				for _, e := range s.Rhs {
					wrap(e)
				}
			}
		case *ast.DeclStmt:
			if g, ok := s.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, sp := range g.Specs {
					if vs, ok := sp.(*ast.ValueSpec); ok && vs.Type == nil && len(vs.Names) == len(vs.Values) {
						for _, e := range vs.Values {
							wrap(e)
						}
					}
				}
			}
		}
	}
}

func isDefine(s ast.Stmt) bool {
	a, ok := s.(*ast.AssignStmt)
	return ok && a.Tok == token.DEFINE
}

// blockIf puts a statement in a block of its own.
func (r *rewriter) blockIf(s ast.Stmt, cond bool) {
	if cond {
		r.insert(s.Pos(), "{ ")
		r.insert(s.End(), " }")
	}
}

// multiDefine reports whether s declares several variables from one call:
// _, err := f().
func multiDefine(s ast.Stmt) bool {
	a, ok := s.(*ast.AssignStmt)
	return ok && a.Tok == token.DEFINE && len(a.Lhs) > 1 && len(a.Rhs) == 1 && commaOkDefine(s) == nil
}

// inFuncLit turns "if INIT; COND {...}" into
// "func() { INIT; if COND {...} }()" (and likewise for switch). In the
// global scope yaegi loses a variable that a multi-value init declares in
// any nested block (if _, err := f(); err != nil reads "undefined: err");
// a function literal has a scope of its own where it is right, and at a
// cell's top level the body cannot return or break out of anything.
// keyword is at kw, the init starts at init, and the condition (or tag, or
// body) at rest.
func (r *rewriter) inFuncLit(kw, init, rest token.Pos, keyword string, end token.Pos) {
	r.edits = append(r.edits, srcEdit{r.off(kw), r.off(init), "func() { "})
	r.insert(rest, keyword)
	r.insert(end, " }()")
}

// commaOks rewrites the comma-ok declarations outside functions.
func (r *rewriter) commaOks() {
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false // a function's own scope: yaegi is right there
			case *ast.SelectStmt:
				r.selectCommaOks(x)
			case *ast.CommClause:
				// case v, ok := <-ch: see selectCommaOks.
				for _, st := range x.Body {
					walk(st)
				}
				return false
			case *ast.IfStmt:
				if a := commaOkDefine(x.Init); a != nil {
					r.commaOkInit(x, x.Init.Pos(), a)
					walk(x.Body)
					if x.Else != nil {
						walk(x.Else)
					}
					return false
				}
			case *ast.SwitchStmt:
				if a := commaOkDefine(x.Init); a != nil {
					r.commaOkInit(x, x.Init.Pos(), a)
					walk(x.Body)
					return false
				}
			case *ast.AssignStmt:
				if a := commaOkDefine(x); a != nil {
					if decl, ok := r.commaOkDecl(a); ok {
						r.insert(a.Pos(), decl+"; ")
						r.edits = append(r.edits, srcEdit{r.off(a.TokPos), r.off(a.TokPos) + 2, "="})
					}
				}
			}
			return true
		})
	}
	for _, s := range r.body {
		walk(s)
	}
}

// selectCommaOks rewrites the receives case v, ok := <-ch of a select
// outside functions: the select is put in a block that declares variables
// of the channel's element type and bool, the case assigns them, and the
// case's body starts by declaring v and ok from them:
//
//	select { case v, ok := <-ch: ... }
//	becomes
//	{ var __gocell_c1 T; var __gocell_c2 bool; select { case __gocell_c1, __gocell_c2 = <-ch: v, ok := __gocell_c1, __gocell_c2; ... } }
func (r *rewriter) selectCommaOks(sel *ast.SelectStmt) {
	var decls []string
	for _, st := range sel.Body.List {
		cc, ok := st.(*ast.CommClause)
		if !ok {
			continue
		}
		a := commaOkDefine(cc.Comm)
		if a == nil {
			continue
		}
		recv := ast.Unparen(a.Rhs[0]).(*ast.UnaryExpr)
		typ := r.elemType(recv.X, "chan")
		if typ == "" {
			v := r.src(a.Lhs[0])
			r.fail(a, "%s in a select outside a function is not supported by the interpreter: declare %s and ok with their types first (var %s T; var ok bool) and write %s, or select inside a function",
				r.src(a), v, v, strings.Replace(r.src(a), ":=", "=", 1))
			return
		}
		v, okv := r.name("c"), r.name("c")
		decls = append(decls, "var "+v+" "+typ+"; var "+okv+" bool; ")
		r.edits = append(r.edits, srcEdit{r.off(a.Lhs[0].Pos()), r.off(a.TokPos) + 2, v + ", " + okv + " ="})
		r.insert(cc.Colon+1, " "+r.src(a.Lhs[0])+", "+r.src(a.Lhs[1])+" := "+v+", "+okv+";")
	}
	if len(decls) > 0 {
		r.insert(sel.Pos(), "{ "+strings.Join(decls, ""))
		r.insert(sel.End(), " }")
	}
}

// commaOkDefine returns s if it is v, ok := X with X a map index, type
// assertion or receive.
func commaOkDefine(s ast.Stmt) *ast.AssignStmt {
	a, ok := s.(*ast.AssignStmt)
	if !ok || a.Tok != token.DEFINE || len(a.Lhs) != 2 || len(a.Rhs) != 1 {
		return nil
	}
	switch x := ast.Unparen(a.Rhs[0]).(type) {
	case *ast.IndexExpr:
		return a
	case *ast.TypeAssertExpr:
		if x.Type != nil {
			return a
		}
	case *ast.UnaryExpr:
		if x.Op == token.ARROW {
			return a
		}
	}
	return nil
}

// commaOkInit moves the comma-ok declaration in the init statement of an
// if or switch in front of it, in a block: "if v, ok := X; cond {" becomes
// "{ v, ok := zero, false; v, ok = X; if cond {", closed after the
// statement.
func (r *rewriter) commaOkInit(stmt ast.Stmt, initPos token.Pos, a *ast.AssignStmt) {
	decl, ok := r.commaOkDecl(a)
	if !ok {
		return
	}
	kw := r.off(stmt.Pos())
	init := r.off(initPos)
	semi := strings.IndexByte(r.text[r.off(a.End()):], ';')
	if semi < 0 {
		return
	}
	after := r.off(a.End()) + semi + 1
	keyword := r.text[kw:init] // "if " or "switch "
	r.edits = append(r.edits,
		srcEdit{kw, init, "{ " + decl + "; "},
		srcEdit{r.off(a.TokPos), r.off(a.TokPos) + 2, "="},
		srcEdit{after, after, " " + strings.TrimSpace(keyword)},
	)
	r.insert(stmt.End(), " }")
}

// commaOkDecl returns the declaration that gives v and ok their types:
// v, ok := m[k], false when m[k] can be evaluated twice, else
// var v T; var ok bool with T the asserted type or element type.
func (r *rewriter) commaOkDecl(a *ast.AssignStmt) (string, bool) {
	var zero, typ string
	switch x := ast.Unparen(a.Rhs[0]).(type) {
	case *ast.IndexExpr:
		if pureExpr(x.X) && pureExpr(x.Index) {
			zero = r.src(x)
		} else if typ = r.elemType(x.X, "map"); typ == "" {
			r.fail(a, "%s outside a function is not supported by the interpreter: assign the map and the key to variables first", r.src(a))
			return "", false
		}
	case *ast.TypeAssertExpr:
		typ = r.src(x.Type)
	case *ast.UnaryExpr:
		if typ = r.elemType(x.X, "chan"); typ == "" {
			v := r.src(a.Lhs[0])
			r.fail(a, "%s outside a function is not supported by the interpreter: declare %s with its type first (var %s T) and write %s, or receive inside a function",
				r.src(a), v, v, strings.Replace(r.src(a), ":=", "=", 1))
			return "", false
		}
	}
	lhs0, lhs1 := r.src(a.Lhs[0]), r.src(a.Lhs[1])
	if lhs0 == "_" && lhs1 == "_" {
		return "", false
	}
	if typ != "" {
		var decls []string
		if lhs0 != "_" {
			decls = append(decls, "var "+lhs0+" "+typ)
		} else {
			// yaegi gives the blank identifier of the global scope the
			// type of its first use: _, open = <-ch after _, err := f()
			// panics. A variable of its own takes the value instead.
			blank := r.name("blank")
			decls = append(decls, "var "+blank+" "+typ)
			r.replace(a.Lhs[0], blank)
		}
		if lhs1 != "_" {
			decls = append(decls, "var "+lhs1+" bool")
		}
		return strings.Join(decls, "; "), true
	}
	switch {
	case lhs0 == "_":
		return lhs1 + " := false", true
	case lhs1 == "_":
		return lhs0 + " := " + zero, true
	}
	return lhs0 + ", " + lhs1 + " := " + zero + ", false", true
}

// elemType returns the element type of a map or channel named by e, from
// its declaration in the chunk or an earlier cell, or "".
func (r *rewriter) elemType(e ast.Expr, kind string) string {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return ""
	}
	if id.Obj == nil {
		return r.facts.Elem(id.Name)
	}
	var t ast.Expr
	switch d := id.Obj.Decl.(type) {
	case *ast.ValueSpec:
		t = d.Type
		if t == nil {
			for i, n := range d.Names {
				if n.Obj == id.Obj && i < len(d.Values) {
					t = typeOfValue(d.Values[i])
					if t == nil {
						return r.callResultElem(d.Values[i], kind)
					}
				}
			}
		}
	case *ast.AssignStmt:
		for i, l := range d.Lhs {
			if l, ok := l.(*ast.Ident); ok && l.Obj == id.Obj && len(d.Lhs) == len(d.Rhs) {
				t = typeOfValue(d.Rhs[i])
				if t == nil {
					return r.callResultElem(d.Rhs[i], kind)
				}
			}
		}
	}
	return elemOf(t, kind, r.src)
}

// typeOfValue returns the type written in make(T, ...) or T{...}.
func typeOfValue(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "make" && id.Obj == nil && len(x.Args) > 0 {
			return x.Args[0]
		}
	case *ast.CompositeLit:
		return x.Type
	}
	return nil
}

// elemOf returns the element type of a map or channel type expression.
func elemOf(t ast.Expr, kind string, src func(ast.Node) string) string {
	switch x := t.(type) {
	case *ast.MapType:
		if kind == "map" {
			return src(x.Value)
		}
	case *ast.ChanType:
		if kind == "chan" {
			return src(x.Value)
		}
	}
	return ""
}

// pureExpr reports whether evaluating e twice is harmless: names, selectors
// of names, literals and operators on them.
func pureExpr(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		return pureExpr(x.X)
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && pureExpr(x.X)
	case *ast.BinaryExpr:
		return pureExpr(x.X) && pureExpr(x.Y)
	}
	return false
}
