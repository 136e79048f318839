package rewrite

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"

	"github.com/gocell/gocell/interp/cell"
)

// A panic in an interpreted goroutine ends the whole process in yaegi, and
// no recover outside the goroutine can catch it. So every go statement
// evaluates its function and arguments, as Go does, and hands the
// runtime's Go a function that makes the call (goStmtText shows the text);
// Go starts the goroutine under a recover that reports the panic to the
// session. A goroutine panic while its cell runs makes the cell end with
// an error; after the cell ended, it is reported on stderr. Go also takes
// the cached call the starting goroutine computes for, if any, and the new
// goroutine works for it too, so that what the goroutine shows is recorded
// by that call and by no other (rule 10).

// hasGoStmt is a quick test that chunks without a go statement fail.
func hasGoStmt(text string) bool {
	return strings.Contains(text, "go ") || strings.Contains(text, "go\t")
}

// goStmts rewrites every go statement of the chunk. A go statement's function and arguments may hold
// rewrites of their own: each go statement is a composite, built from
// their rewritten text. Go statements nested in another one's function
// literal are left alone (rare, and the outer one recovers the panic of
// the goroutine it starts only).
func (r *rewriter) goStmts() {
	ast.Inspect(r.file, func(node ast.Node) bool {
		gs, ok := node.(*ast.GoStmt)
		if !ok {
			return true
		}
		// A builtin cannot be held in a variable and does not panic in
		// practice; clear, min and max are rewritten into calls that can
		// (calls.go), and goCallParts sees what they became.
		if id, ok := gs.Call.Fun.(*ast.Ident); ok && isBuiltin(id.Name) && !(rewrittenBuiltin(id.Name) && r.isUniverse(id)) {
			return false
		}
		start, end := r.off(gs.Pos()), r.off(gs.End())
		r.composites = append(r.composites, composite{start: start, end: end, prio: 1, build: func() []srcEdit {
			head := r.render(start, r.off(gs.Call.Pos())) // go, and what a comment left
			fn, args, ellipsis, call, ok := r.goCallParts(gs.Call)
			if !ok {
				// The call became something the rewrite leaves alone: keep
				// the statement as the other rewrites made it.
				return []srcEdit{{start: start, end: end, text: head + call}}
			}
			if sel, isSel := gs.Call.Fun.(*ast.SelectorExpr); isSel && len(args) == len(gs.Call.Args) {
				if recv, _, bound := r.boundReceiver(sel); bound && fn == r.renderAll(r.off(sel.Pos()), r.off(sel.End())) {
					x := r.renderAll(r.off(sel.X.Pos()), r.off(sel.X.End()))
					return []srcEdit{{start: start, end: end, text: goMethodStmtText(gs.Call, recv(x), "."+sel.Sel.Name, args, ellipsis)}}
				}
			}
			return []srcEdit{{start: start, end: end, text: goStmtText(gs.Call, fn, args, ellipsis)}}
		}})
		return false
	})
}

// goCallParts returns the rewritten text of a go statement's function and
// arguments, and whether the call is variadic. When a rewrite replaced the
// call as a whole (min(a, b) becomes a call of the fixed package's Min),
// the new call is parsed to find them; if it is no call, or a call of a
// builtin, goCallParts reports false with the rewritten call.
func (r *rewriter) goCallParts(call *ast.CallExpr) (fn string, args []string, ellipsis bool, rewritten string, ok bool) {
	parts := []ast.Node{call.Fun}
	for _, a := range call.Args {
		parts = append(parts, a)
	}
	cs, ce := r.off(call.Pos()), r.off(call.End())
	whole := false
	for _, e := range r.edits {
		if e.end < cs || e.start > ce || e.start == e.end && (e.start == cs || e.start == ce) {
			continue
		}
		in := false
		for _, p := range parts {
			if e.start >= r.off(p.Pos()) && e.end <= r.off(p.End()) {
				in = true
				break
			}
		}
		if !in {
			whole = true
			break
		}
	}
	if !whole {
		var texts []string
		for _, p := range parts {
			texts = append(texts, r.renderAll(r.off(p.Pos()), r.off(p.End())))
		}
		return texts[0], texts[1:], call.Ellipsis.IsValid(), "", true
	}
	text := r.render(cs, ce)
	fset := token.NewFileSet()
	if parseHook != nil {
		parseHook()
	}
	e, err := parser.ParseExprFrom(fset, "", text, 0)
	c, isCall := e.(*ast.CallExpr)
	if err != nil || !isCall {
		return "", nil, false, text, false
	}
	if id, ok := c.Fun.(*ast.Ident); ok && isBuiltin(id.Name) {
		return "", nil, false, text, false
	}
	tf := fset.File(c.Pos())
	src := func(n ast.Node) string { return text[tf.Offset(n.Pos()):tf.Offset(n.End())] }
	for _, a := range c.Args {
		args = append(args, src(a))
	}
	return src(c.Fun), args, c.Ellipsis.IsValid(), "", true
}

// goStmtText is a go statement rewritten, from the rewritten text of its
// function and arguments. The statement evaluates them, as Go does, into
// variables of a block of its own; a maker function captures those and
// makes the goroutine's function, which the runtime's Go starts:
//
//	go f(x, y)    becomes    { __gocell_f, __gocell_a0, __gocell_a1 := f, x, y; __gocell_mk := func() func() { return func() { __gocell_f(__gocell_a0, __gocell_a1) } }; __gocell.Go(__gocell_mk()) }
//
// A function literal, as the function or an argument, is written in the
// made function itself (making it has no effect to order).
//
// In yaegi a literal captures the variables of the frame it is made in
// when it is made; but the interpreter's go statement runs its function on
// the enclosing frame as that frame is when the goroutine gets to run, a
// literal handed straight to a host function is bound the same way, and
// each call of a literal writes the frame slot it was made in back when it
// returns: a goroutine started in a loop could read a later iteration's
// variables or run a later iteration's closure. The maker captures the
// block's variables when the statement runs, the function it makes is made
// in the maker's own frame, and the runtime calls it with no arguments, so
// no value of a notebook type crosses into compiled code.
func goStmtText(call *ast.CallExpr, fn string, args []string, ellipsis bool) string {
	return goMethodStmtText(call, fn, "", args, ellipsis)
}

// goMethodStmtText is goStmtText for a function fn+method: with a method
// (".Run"), fn is the receiver, evaluated with the arguments
// (methodbind.go).
func goMethodStmtText(call *ast.CallExpr, fn, method string, args []string, ellipsis bool) string {
	exprs := append([]ast.Expr{call.Fun}, call.Args...)
	literal := func(i int) bool {
		if len(call.Args) != len(args) { // the parts are not the original call's
			return false
		}
		_, ok := ast.Unparen(exprs[i]).(*ast.FuncLit)
		return ok
	}
	// A composite literal among several values is parenthesized, as
	// multiassign.go does for the user's own assignments (the function
	// literals, which also end in a brace, are not among the values).
	value := func(text string) string {
		if strings.HasSuffix(strings.TrimSpace(text), "}") {
			return "(" + text + ")"
		}
		return text
	}
	var names, values, callArgs []string
	callee := fn
	if !literal(0) {
		names, values, callee = append(names, "__gocell_f"), append(values, value(fn)), "__gocell_f"+method
	}
	for i, a := range args {
		if literal(i + 1) {
			callArgs = append(callArgs, a)
			continue
		}
		name := fmt.Sprintf("__gocell_a%d", i)
		names, values = append(names, name), append(values, value(a))
		callArgs = append(callArgs, name)
	}
	dots := ""
	if ellipsis {
		dots = "..."
	}
	var b strings.Builder
	b.WriteString("{ ")
	if len(names) > 0 {
		// Keep every newline of the original statement: the values are
		// written out in place, and the rest follows them.
		b.WriteString(strings.Join(names, ", ") + " := " + strings.Join(values, ", ") + "; ")
	}
	b.WriteString("__gocell_mk := func() func() { return func() { " + callee + "(" + strings.Join(callArgs, ", ") + dots + ") } }; ")
	b.WriteString(cell.RuntimeName + ".Go(__gocell_mk()) }")
	return b.String()
}

// rewrittenBuiltin reports whether calls.go rewrites calls of the builtin.
func rewrittenBuiltin(name string) bool { return name == "clear" || name == "min" || name == "max" }

func isBuiltin(name string) bool {
	switch name {
	case "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make",
		"max", "min", "new", "panic", "print", "println", "real", "recover":
		return true
	}
	return false
}

// renderAll is render, insertions at the end of the range included: an
// argument wrapped in a call has its closing parenthesis inserted there.
func (r *rewriter) renderAll(start, end int) string {
	var inside, rest []srcEdit
	for _, e := range r.edits {
		if e.start >= start && e.end <= end {
			inside = append(inside, e)
		} else {
			rest = append(rest, e)
		}
	}
	r.edits = rest
	s, _ := applySrcEdits(r.text[start:end], inside, start)
	return s
}
