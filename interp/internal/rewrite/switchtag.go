package rewrite

import (
	"go/ast"
	"strings"

	"github.com/gocell/gocell/interp/cell"
)

// Switch statements with an init statement and a tag expression.
//
// yaegi v0.16.1 does not evaluate the tag of switch init; tag { ... } when
// the tag is more than a name (len(s), x+1, f()): no case matches, and the
// default clause runs. Without the init statement the tag is evaluated. So
// the init statement moves into a block of its own, where Go's scoping is
// the same:
//
//	switch s := f(); len(s) { ... }  becomes  { s := f(); switch len(s) { ... } }
//
// A label on the switch stays on the switch, inside the block.
func (r *rewriter) switchTags(root ast.Node) {
	if !strings.Contains(r.text, "switch") {
		return
	}
	labels := map[ast.Stmt]*ast.LabeledStmt{}
	// A switch at a cell's top level whose init declares several variables
	// from one call already runs as init; switch tag in a function literal
	// (toplevel.go).
	inLit := map[ast.Stmt]bool{}
	if r.kind == cell.Stmts {
		for _, st := range r.body {
			if x, ok := st.(*ast.SwitchStmt); ok && multiDefine(x.Init) {
				inLit[x] = true
			}
		}
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.LabeledStmt:
			labels[x.Stmt] = x
		case *ast.SwitchStmt:
			if x.Init == nil || x.Tag == nil || inLit[x] {
				return true
			}
			if _, ok := x.Tag.(*ast.Ident); ok {
				return true
			}
			semi := strings.IndexByte(r.text[r.off(x.Init.End()):r.off(x.Tag.Pos())], ';')
			if semi < 0 {
				return true
			}
			semi += r.off(x.Init.End())
			kw := "switch "
			if l := labels[x]; l != nil {
				// The label moves with the keyword.
				kw = r.src(l.Label) + ": switch "
				r.edits = append(r.edits, srcEdit{r.off(l.Pos()), r.off(l.Colon) + 1, ""})
			}
			sw := r.off(x.Switch)
			r.edits = append(r.edits, srcEdit{sw, sw + len("switch"), "{"})
			r.edits = append(r.edits, srcEdit{semi, semi + 1, "; " + kw})
			r.insert(x.End(), " }")
		}
		return true
	})
}
