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
// no recover outside the goroutine can catch it. So every go statement is
// rewritten to evaluate the function and its arguments first, as Go does,
// then run the call under a deferred recover that hands the panic to the
// session:
//
//	go f(x, y)
//
// becomes, on the same lines,
//
//	{ __gocell_f1, __gocell_a1_0, __gocell_a1_1 := f, x, y; __gocell_g1 := __gocell.GoStart(); go func() { defer func() { __gocell.GoEnd(__gocell_g1, recover()) }(); __gocell.GoBegin(__gocell_g1); __gocell_f1(__gocell_a1_0, __gocell_a1_1) }() }
//
// A goroutine panic while its cell runs makes the cell end with an error;
// after the cell ended, it is reported on stderr. GoStart also takes the
// cached call the starting goroutine computes for, if any, and GoBegin makes
// the new goroutine work for it too, so that what the goroutine shows is
// recorded by that call and by no other (rule 10).

// hasGoStmt is a quick test that chunks without a go statement fail.
func hasGoStmt(text string) bool {
	return strings.Contains(text, "go ") || strings.Contains(text, "go\t")
}

// goStmts rewrites every go statement of the chunk, numbering them in the
// order they come. A go statement's function and arguments may hold
// rewrites of their own: each go statement is a composite, built from
// their rewritten text. Go statements nested in another one's function
// literal are left alone (rare, and the outer one recovers the panic of
// the goroutine it starts only).
func (r *rewriter) goStmts() {
	n := 0
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
		n++
		k := n
		start, end := r.off(gs.Pos()), r.off(gs.End())
		r.composites = append(r.composites, composite{start: start, end: end, prio: 1, build: func() []srcEdit {
			head := r.render(start, r.off(gs.Call.Pos())) // go, and what a comment left
			fn, args, ellipsis, call, ok := r.goCallParts(gs.Call)
			if !ok {
				// The call became something the rewrite leaves alone: keep
				// the statement as the other rewrites made it.
				return []srcEdit{{start: start, end: end, text: head + call}}
			}
			return []srcEdit{{start: start, end: end, text: goStmtText(k, fn, args, ellipsis)}}
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

// goStmtText is go statement number n rewritten, from the rewritten text
// of its function and arguments.
func goStmtText(n int, fn string, args []string, ellipsis bool) string {
	fnName := fmt.Sprintf("__gocell_f%d", n)
	names := []string{fnName}
	values := append([]string{fn}, args...)
	var argNames []string
	for i := range args {
		name := fmt.Sprintf("__gocell_a%d_%d", n, i)
		names = append(names, name)
		argNames = append(argNames, name)
	}
	dots := ""
	if ellipsis {
		dots = "..."
	}
	// Keep every newline of the original statement: the values are
	// written out in place, and the rest goes on the last line.
	prefix := "{ " + strings.Join(names, ", ") + " := "
	token := fmt.Sprintf("__gocell_g%d", n)
	suffix := "; " + token + " := " + cell.RuntimeName + ".GoStart(); go func() { defer func() { " + cell.RuntimeName + ".GoEnd(" + token + ", recover()) }(); " +
		cell.RuntimeName + ".GoBegin(" + token + "); " + fnName + "(" + strings.Join(argNames, ", ") + dots + ") }() }"
	return prefix + strings.Join(values, ", ") + suffix
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
