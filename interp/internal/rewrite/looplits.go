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

// loopLiterals rewrites the call statements of loop bodies, outside
// function literals made in the loop (a literal's body runs in a frame of
// its own per call).
func (r *rewriter) loopLiterals() {
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
					r.loopLiteralStmt(x)
				}
			case *ast.AssignStmt:
				if inLoop && x.Tok != token.DEFINE {
					r.loopLiteralStmt(x)
				}
			}
			return true
		})
	}
	walk(r.file, false)
}

// loopLiteralStmt rewrites one statement in which function literals are
// arguments of calls of selectors (a package's function or a method).
func (r *rewriter) loopLiteralStmt(st ast.Stmt) {
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
	if len(lits) == 0 {
		return
	}
	sort.Slice(lits, func(i, j int) bool { return lits[i].Pos() < lits[j].Pos() })
	start, end := r.off(st.Pos()), r.off(st.End())
	r.composites = append(r.composites, composite{start: start, end: end, prio: 1, build: func() []srcEdit {
		var makers []string
		var b strings.Builder
		pos := start
		for i, lit := range lits {
			ls, le := r.off(lit.Pos()), r.off(lit.End())
			b.WriteString(r.render(pos, ls))
			// A block of its own per statement: the names need only
			// differ within it.
			name := fmt.Sprintf("__gocell_mk%d", i)
			makers = append(makers, name+" := func() "+r.src(lit.Type)+" { return "+r.render(ls, le)+" }")
			b.WriteString(name + "()")
			pos = le
		}
		b.WriteString(r.render(pos, end))
		return []srcEdit{{start: start, end: end, text: "{ " + strings.Join(makers, "; ") + "; " + b.String() + " }"}}
	}})
}
