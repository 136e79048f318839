package rewrite

import (
	"go/ast"
	"go/token"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// Loop rewrites.
//
// Per-iteration variables: yaegi v0.16.1 has one variable per loop (Go
// before 1.22), so closures and pointers created in the body see the last
// value. Where the body captures a loop variable (uses it in a function
// literal, takes its address or slices it), the loop's own variable is
// renamed and the body starts with a copy:
//
//	for i := 0; i < n; i++ { ... }  becomes  for __lv := 0; __lv < n; __lv++ { i := __lv; ... }
//	for k, v := range m { ... }     becomes  for k, __lv := range m { v := __lv; ... }
//
// (i := i would not do: at a cell's top level, yaegi binds the post
// statement's i to the copy.) For a three-clause loop whose body also
// assigns the variable, the copy is written back at the end of the body
// and before each continue, for the post statement, as Go 1.22 does.
//
// Range over an integer (which panics yaegi) becomes a counting loop in a
// block that evaluates the limit once:
//
//	{ __n := N; for __k := __n - __n; __k < __n; __k++ { i := __k; ... } }
//
// Range over a function (an iterator, which yaegi does not support) is run
// through a coroutine (iter.Pull in the host), so the body and the
// iterator interleave exactly as in compiled Go:
//
//	{ __s := SEQ; __it := __gocellfix.Iter(__s); for { x := __gocellfix.Zero1(__s); if !__gocellfix.Next(__it, &x) { break }; ... }; __gocellfix.Stop(__it) }
//
// Both need to know the range expression's type from the syntax: an
// integer (a literal, len(x), int(x), a name declared from one, in this
// cell or an earlier one), or a function (a function literal, a call of
// maps.Keys, maps.Values, maps.All, slices.All, slices.Values,
// slices.Backward or slices.Chunk, or a name the notebook declared as an
// iterator; see nameTable). Otherwise the loop is left to yaegi.
func (r *rewriter) rewriteLoops(root ast.Node) {
	done := map[ast.Node]bool{}
	ast.Inspect(root, func(n ast.Node) bool {
		if r.err != nil {
			return false
		}
		var label *ast.LabeledStmt
		if l, ok := n.(*ast.LabeledStmt); ok {
			label, n = l, l.Stmt
		}
		if done[n] {
			return true
		}
		done[n] = true
		switch loop := n.(type) {
		case *ast.RangeStmt:
			r.rangeLoop(loop, label)
		case *ast.ForStmt:
			r.forLoop(loop, label)
		}
		return true
	})
}

func (r *rewriter) rangeLoop(loop *ast.RangeStmt, label *ast.LabeledStmt) {
	switch r.kindOf(loop.X) {
	case names.KindInt:
		r.rangeInt(loop, label)
		return
	case names.KindSeq1, names.KindSeq2:
		r.rangeFunc(loop, label, r.kindOf(loop.X))
		return
	}
	if loop.Tok == token.ASSIGN {
		r.rangeAssign(loop)
		return
	}
	if loop.Tok != token.DEFINE || r.rangeChanElems(loop) {
		return
	}
	var head []string
	for _, e := range []ast.Expr{loop.Key, loop.Value} {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" && id.Obj != nil && captures(loop.Body, id.Obj) {
			outer := r.name("lv")
			r.replace(id, outer)
			head = append(head, id.Name+" := "+outer+"; ")
		}
	}
	if len(head) > 0 {
		r.insert(loop.Body.Lbrace+1, " "+strings.Join(head, ""))
	}
}

// labelStart is where a loop statement begins, with its label.
func labelStart(loop ast.Stmt, label *ast.LabeledStmt) token.Pos {
	if label != nil {
		return label.Pos()
	}
	return loop.Pos()
}

// rangeInt rewrites for ... := range N.
func (r *rewriter) rangeInt(loop *ast.RangeStmt, label *ast.LabeledStmt) {
	n, k := r.name("n"), r.name("k")
	start := r.off(labelStart(loop, label))
	hdrStart, hdrEnd := r.off(loop.For), r.off(loop.Body.Lbrace)+1
	xStart, xEnd := r.off(loop.X.Pos()), r.off(loop.X.End())
	var bind string
	if id, ok := loop.Key.(*ast.Ident); ok && id.Name != "_" {
		op := " := "
		if loop.Tok == token.ASSIGN {
			op = " = "
		}
		bind = " " + id.Name + op + k + ";"
	} else if loop.Key != nil && loop.Tok == token.ASSIGN {
		bind = " " + r.src(loop.Key) + " = " + k + ";"
	}
	end := r.off(loop.End())
	pad := strings.Count(r.text[hdrStart:hdrEnd], "\n") - strings.Count(r.text[xStart:xEnd], "\n")
	r.composites = append(r.composites, composite{start: start, end: end, build: func() []srcEdit {
		x := r.render(xStart, xEnd) // moves to the block's first statement
		hdr := "for " + k + " := " + n + " - " + n + "; " + k + " < " + n + "; " + k + "++ {" + bind
		return []srcEdit{
			{start, start, "{ " + n + " := " + x + "; "},
			{hdrStart, hdrEnd, hdr + strings.Repeat("\n", pad)},
			{end, end, " }"},
		}
	}})
}

// rangeFunc rewrites for ... := range SEQ where SEQ is a function.
func (r *rewriter) rangeFunc(loop *ast.RangeStmt, label *ast.LabeledStmt, kind names.ExprKind) {
	if loop.Value != nil {
		kind = names.KindSeq2
	}
	s, it := r.name("seq"), r.name("it")
	start := r.off(labelStart(loop, label))
	hdrStart, hdrEnd := r.off(loop.For), r.off(loop.Body.Lbrace)+1
	xStart, xEnd := r.off(loop.X.Pos()), r.off(loop.X.End())
	end := r.off(loop.End())

	// The loop variables, declared in each iteration.
	vars := []ast.Expr{loop.Key, loop.Value}
	zero := []string{"Zero1", ""}
	if kind == names.KindSeq2 {
		zero = []string{"Zero2K", "Zero2V"}
	}
	var decl, assign []string
	var ptrs []string
	for i, v := range vars {
		if v == nil || zero[i] == "" {
			if i == 0 || kind == names.KindSeq2 {
				ptrs = append(ptrs, "nil")
			}
			continue
		}
		name := r.src(v)
		if id, ok := v.(*ast.Ident); ok && id.Name == "_" {
			ptrs = append(ptrs, "nil")
			continue
		}
		if loop.Tok == token.DEFINE {
			decl = append(decl, name+" := "+FixPkg+"."+zero[i]+"("+s+"); ")
			ptrs = append(ptrs, "&"+name)
			continue
		}
		tmp := r.name("v")
		decl = append(decl, tmp+" := "+FixPkg+"."+zero[i]+"("+s+"); ")
		assign = append(assign, name+" = "+tmp+"; ")
		ptrs = append(ptrs, "&"+tmp)
	}
	next := FixPkg + ".Next(" + it + ", " + ptrs[0] + ")"
	if kind == names.KindSeq2 {
		next = FixPkg + ".Next2(" + it + ", " + ptrs[0] + ", " + ptrs[1] + ")"
	}
	pad := strings.Count(r.text[hdrStart:hdrEnd], "\n") - strings.Count(r.text[xStart:xEnd], "\n")
	r.composites = append(r.composites, composite{start: start, end: end, build: func() []srcEdit {
		x := r.render(xStart, xEnd) // moves to the block's first statement
		hdr := "for { " + strings.Join(decl, "") + "if !" + next + " { break }; " + strings.Join(assign, "")
		return []srcEdit{
			{start, start, "{ " + s + " := " + x + "; " + it + " := " + FixPkg + ".Iter(" + s + "); "},
			{hdrStart, hdrEnd, hdr + strings.Repeat("\n", pad)},
			{end, end, "; " + FixPkg + ".Stop(" + it + ") }"},
		}
	}})
}

// forLoop gives a three-clause loop per-iteration variables where needed.
func (r *rewriter) forLoop(loop *ast.ForStmt, label *ast.LabeledStmt) {
	init, ok := loop.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE {
		return
	}
	var head, tail []string
	for _, e := range init.Lhs {
		id, ok := e.(*ast.Ident)
		if !ok || id.Name == "_" || id.Obj == nil || !captures(loop.Body, id.Obj) {
			continue
		}
		// The loop's own variable is renamed and copied into a variable of
		// the iteration (i := i would not do: at a cell's top level, yaegi
		// binds the post statement's i to the copy). If the body assigns
		// the copy, it is copied back for the post statement.
		outer := r.name("lv")
		for _, part := range []ast.Node{loop.Init, loop.Cond, loop.Post} {
			if part == nil {
				continue
			}
			ast.Inspect(part, func(n ast.Node) bool {
				if x, ok := n.(*ast.Ident); ok && x.Obj == id.Obj {
					r.replace(x, outer)
				}
				return true
			})
		}
		head = append(head, id.Name+" := "+outer+"; ")
		if modifies(loop.Body, id.Obj) {
			tail = append(tail, outer+" = "+id.Name+"; ")
		}
	}
	if len(head) > 0 {
		r.insert(loop.Body.Lbrace+1, " "+strings.Join(head, ""))
	}
	if len(tail) > 0 {
		wb := strings.Join(tail, "")
		r.insert(loop.Body.Rbrace, "; "+wb)
		var labelName string
		if label != nil {
			labelName = label.Label.Name
		}
		for _, c := range continuesOf(loop.Body, labelName) {
			r.replace(c, "{ "+wb+r.src(c)+" }")
		}
	}
}

// captures reports whether body lets the variable obj escape an iteration:
// a function literal uses it, or its address is taken (&v, &v.f, v[:]).
//
//lint:ignore SA1019 the rewrites resolve identifiers from syntax alone, by design
func captures(body *ast.BlockStmt, obj *ast.Object) bool {
	found := false
	var walk func(n ast.Node, inFunc bool)
	walk = func(n ast.Node, inFunc bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			if found {
				return false
			}
			switch x := n.(type) {
			case *ast.FuncLit:
				walk(x.Body, true)
				return false
			case *ast.Ident:
				if inFunc && x.Obj == obj {
					found = true
				}
			case *ast.UnaryExpr:
				if x.Op == token.AND {
					if id := rootIdent(x.X); id != nil && id.Obj == obj {
						found = true
					}
				}
			case *ast.SliceExpr:
				if id := rootIdent(x.X); id != nil && id.Obj == obj {
					found = true
				}
			}
			return true
		})
	}
	walk(body, false)
	return found
}

// modifies reports whether body may change the variable obj: assignments,
// ++ and --, its address taken, or a method called on it (which may have a
// pointer receiver).
//
//lint:ignore SA1019 the rewrites resolve identifiers from syntax alone, by design
func modifies(body *ast.BlockStmt, obj *ast.Object) bool {
	found := false
	is := func(e ast.Expr) bool {
		id := rootIdent(e)
		return id != nil && id.Obj == obj
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			if x.Tok != token.DEFINE {
				for _, l := range x.Lhs {
					found = found || is(l)
				}
			}
		case *ast.IncDecStmt:
			found = found || is(x.X)
		case *ast.UnaryExpr:
			found = found || x.Op == token.AND && is(x.X)
		case *ast.RangeStmt:
			if x.Tok == token.ASSIGN {
				found = found || x.Key != nil && is(x.Key) || x.Value != nil && is(x.Value)
			}
		case *ast.CallExpr:
			if sel, ok := x.Fun.(*ast.SelectorExpr); ok {
				found = found || is(sel.X)
			}
		}
		return !found
	})
	return found
}

// continuesOf returns the continue statements in body that continue the
// loop whose body it is (labelled label, or "").
func continuesOf(body *ast.BlockStmt, label string) []*ast.BranchStmt {
	var out []*ast.BranchStmt
	var walk func(n ast.Node, nested bool)
	walk = func(n ast.Node, nested bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				if n != ast.Node(body) {
					walk(x.Body, true)
					return false
				}
			case *ast.RangeStmt:
				walk(x.Body, true)
				return false
			case *ast.BranchStmt:
				if x.Tok == token.CONTINUE && (x.Label == nil && !nested || x.Label != nil && x.Label.Name == label) {
					out = append(out, x)
				}
			}
			return true
		})
	}
	walk(body, false)
	return out
}
