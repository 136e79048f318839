package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"sort"
	"strings"
)

// Function literals handed to host functions in loops.
//
// yaegi binds a function literal passed straight to a host (compiled)
// function to the frame it was written in as that frame is when the
// function is called, not when the literal is evaluated; and each call of
// a literal writes the frame slot it was made in back when it returns. In
// a loop, whatever the host keeps and calls later — time.AfterFunc,
// wg.Go, sync.OnceFunc, http.HandleFunc — then sees a later iteration's
// variables, or runs a later iteration's closure:
//
//	for i := range 3 { time.AfterFunc(d, func() { fmt.Println(i) }) }   // printed 2 2 2
//
// A call or assignment statement in a loop body in which a literal is an
// argument of a call gets each such literal from a maker function, in a
// block of its own:
//
//	{ __gocell_mk1 := func() func() { return func() { fmt.Println(i) } }; time.AfterFunc(d, __gocell_mk1()) }
//
// Made inside a call of the maker, the literal captures the maker's copy of
// the loop's variables and writes back into the maker's own frame. Only
// call statements and assignments with = are rewritten (a block around a
// := would hide what it declares), and only literals passed to selectors:
// builtins and plain names (notebook functions) get literals right.

// hasLoopLiteral is a quick test that chunks without one fail.
func hasLoopLiteral(text string) bool {
	return strings.Contains(text, "func(") && (strings.Contains(text, "for ") || strings.Contains(text, "for\t"))
}

// loopLiterals rewrites the call statements of loop bodies.
func (r *rewriter) loopLiterals() {
	forLoopLiterals(r.file, func(st ast.Stmt, lits []*ast.FuncLit) {
		start, end := r.off(st.Pos()), r.off(st.End())
		r.composites = append(r.composites, composite{start: start, end: end, prio: 1, build: func() []srcEdit {
			var b strings.Builder
			pos := start
			var makers []string
			for i, lit := range lits {
				ls, le := r.off(lit.Pos()), r.off(lit.End())
				b.WriteString(r.render(pos, ls))
				makers = append(makers, makerText(i, r.src(lit.Type), r.render(ls, le)))
				b.WriteString(makerName(i) + "()")
				pos = le
			}
			b.WriteString(r.render(pos, end))
			return []srcEdit{{start: start, end: end, text: "{ " + strings.Join(makers, "; ") + "; " + b.String() + " }"}}
		}})
	})
}

// makerName names the maker of a statement's i-th literal. Each statement
// gets a block of its own: the names need only differ within it.
func makerName(i int) string { return fmt.Sprintf("__gocell_mk%d", i) }

// makerText declares the maker of a literal of type typ.
func makerText(i int, typ, lit string) string {
	return makerName(i) + " := func() " + typ + " { return " + lit + " }"
}

// forLoopLiterals calls f with each call or assignment statement of a
// loop body, outside function literals made in the loop (a literal's body
// runs in a frame of its own per call), whose calls of selectors take
// function literals, and with those literals in order.
func forLoopLiterals(root ast.Node, f func(st ast.Stmt, lits []*ast.FuncLit)) {
	visit := func(st ast.Stmt) {
		if lits := selectorCallLiterals(st); len(lits) > 0 {
			f(st, lits)
		}
	}
	var walk func(n ast.Node, inLoop bool)
	walk = func(n ast.Node, inLoop bool) {
		ast.Inspect(n, func(node ast.Node) bool {
			switch x := node.(type) {
			case nil:
				return false
			case *ast.FuncLit:
				walk(x.Body, false)
				return false
			case *ast.FuncDecl:
				if x.Body != nil {
					walk(x.Body, false)
				}
				return false
			case *ast.ForStmt:
				if x != n {
					walk(x, true)
					return false
				}
			case *ast.RangeStmt:
				if x != n {
					walk(x, true)
					return false
				}
			case *ast.GoStmt, *ast.DeferStmt:
				// go statements have makers of their own (goroutines.go);
				// deferred calls run in the frame's own call.
				return false
			case *ast.ExprStmt:
				if inLoop {
					visit(x)
				}
			case *ast.AssignStmt:
				if inLoop && x.Tok != token.DEFINE {
					visit(x)
				}
			}
			return true
		})
	}
	walk(root, false)
}

// selectorCallLiterals returns the function literals st passes to calls
// of selectors (a package's function or a method), in order, outside
// function literals.
func selectorCallLiterals(st ast.Stmt) []*ast.FuncLit {
	var lits []*ast.FuncLit
	ast.Inspect(st, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if _, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				for _, a := range x.Args {
					if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
						lits = append(lits, lit)
					}
				}
			}
		}
		return true
	})
	sort.Slice(lits, func(i, j int) bool { return lits[i].Pos() < lits[j].Pos() })
	return lits
}
