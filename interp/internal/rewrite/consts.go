package rewrite

import (
	"go/ast"
	"go/token"
	"strconv"
)

// Implicit repetition of constant specs with several names: in
//
//	const (
//		a, b = iota, iota * 100
//		c, d
//	)
//
// c, d repeat the previous spec's type and values (with their own iota);
// yaegi v0.16.1 repeats only single-name specs and reports "constant
// definition loop"; and it counts iota per name, not per spec. In a const
// block with a spec of several names, the repeated text is written out and
// iota becomes the spec's index: c, d = 1, 1 * 100.
func (r *rewriter) constRepetitions(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		g, ok := n.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST || !g.Lparen.IsValid() {
			return true
		}
		multi := false
		for _, sp := range g.Specs {
			multi = multi || len(sp.(*ast.ValueSpec).Names) > 1
		}
		if !multi {
			return true
		}
		var prev *ast.ValueSpec
		for i, sp := range g.Specs {
			vs := sp.(*ast.ValueSpec)
			if len(vs.Values) > 0 || vs.Type != nil {
				prev = vs
				for _, v := range vs.Values {
					r.replaceIota(v, i)
				}
				continue
			}
			if prev == nil || len(prev.Values) != len(vs.Names) {
				continue
			}
			text := " = " + withIota(r.src(&valueList{prev.Values}), prev.Values, r, i)
			if prev.Type != nil {
				text = " " + r.src(prev.Type) + text
			}
			r.insert(vs.Names[len(vs.Names)-1].End(), text)
		}
		return true
	})
}

// replaceIota replaces iota in a constant expression by the spec index.
func (r *rewriter) replaceIota(e ast.Expr, index int) {
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == "iota" && id.Obj == nil {
			r.replace(id, "("+strconv.Itoa(index)+")")
		}
		return true
	})
}

// withIota returns the text of values (whose source is text) with iota
// replaced by the spec index.
func withIota(text string, values []ast.Expr, r *rewriter, index int) string {
	start := r.off(values[0].Pos())
	var edits []srcEdit
	for _, v := range values {
		ast.Inspect(v, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == "iota" && id.Obj == nil {
				o := r.off(id.Pos()) - start
				edits = append(edits, srcEdit{o, o + len("iota"), "(" + strconv.Itoa(index) + ")"})
			}
			return true
		})
	}
	out, ok := applySrcEdits(text, edits, 0)
	if !ok {
		return text
	}
	return out
}

// valueList is the extent of a list of expressions, for src.
type valueList struct{ list []ast.Expr }

func (v *valueList) Pos() token.Pos { return v.list[0].Pos() }
func (v *valueList) End() token.Pos { return v.list[len(v.list)-1].End() }
