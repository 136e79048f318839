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

// rewriteGoStmts applies the rewrite to every go statement in text, a
// chunk of kind kind.
func rewriteGoStmts(kind cell.Kind, text string) string {
	if !strings.Contains(text, "go ") && !strings.Contains(text, "go\t") {
		return text
	}
	head := "package main\n"
	if kind == cell.Stmts {
		head = "package main\nfunc _() {\n"
	}
	src := head + text
	if kind == cell.Stmts {
		src += "\n}\n"
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, 0)
	if err != nil {
		return text // the compiler will report it
	}
	var edits []srcEdit
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		gs, ok := node.(*ast.GoStmt)
		if !ok {
			return true
		}
		off := func(p token.Pos) int { return fset.Position(p).Offset - len(head) }
		call := gs.Call
		if id, ok := call.Fun.(*ast.Ident); ok && isBuiltin(id.Name) {
			return true // a builtin cannot be held in a variable; it does not panic in practice
		}
		n++
		fn := fmt.Sprintf("__gocell_f%d", n)
		names := []string{fn}
		values := []string{text[off(call.Fun.Pos()):off(call.Fun.End())]}
		var args []string
		for i, a := range call.Args {
			name := fmt.Sprintf("__gocell_a%d_%d", n, i)
			names = append(names, name)
			values = append(values, text[off(a.Pos()):off(a.End())])
			args = append(args, name)
		}
		ellipsis := ""
		if call.Ellipsis.IsValid() {
			ellipsis = "..."
		}
		// Keep every newline of the original statement: the values are
		// written out in place, and the rest goes on the last line.
		prefix := "{ " + strings.Join(names, ", ") + " := "
		token := fmt.Sprintf("__gocell_g%d", n)
		suffix := "; " + token + " := " + cell.RuntimeName + ".GoStart(); go func() { defer func() { " + cell.RuntimeName + ".GoEnd(" + token + ", recover()) }(); " +
			cell.RuntimeName + ".GoBegin(" + token + "); " + fn + "(" + strings.Join(args, ", ") + ellipsis + ") }() }"
		edits = append(edits, srcEdit{start: off(gs.Pos()), end: off(gs.End()), text: prefix + strings.Join(values, ", ") + suffix})
		return false // nested go statements inside the literal are rare; leave them
	})
	if len(edits) == 0 {
		return text
	}
	if out, ok := applySrcEdits(text, edits, 0); ok {
		return out
	}
	return text
}

func isBuiltin(name string) bool {
	switch name {
	case "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make",
		"max", "min", "new", "panic", "print", "println", "real", "recover":
		return true
	}
	return false
}
