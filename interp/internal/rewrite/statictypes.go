package rewrite

import (
	"go/ast"
	"go/token"
)

// Static types of typed constants and of arithmetic on notebook types, for
// %T (staticTypeOf). yaegi keeps no notebook type on a value without
// methods: c := Boiling * 2 (Boiling a Celsius constant) printed float64
// with %T, and Green (a Color constant repeated from Red Color = iota)
// printed int.

// repeatedConstType returns the static type of a constant spec without
// values, which repeats the type of the last spec with values before it in
// its group.
func (r *rewriter) repeatedConstType(vs *ast.ValueSpec) string {
	var found string
	ast.Inspect(r.file, func(n ast.Node) bool {
		g, ok := n.(*ast.GenDecl)
		if !ok {
			return found == ""
		}
		if g.Tok != token.CONST {
			return false
		}
		var last *ast.ValueSpec
		for _, sp := range g.Specs {
			s := sp.(*ast.ValueSpec)
			if len(s.Values) > 0 {
				last = s
			}
			if s == vs && last != nil {
				if last.Type != nil {
					found = r.staticTypeName(last.Type, false)
				} else if len(last.Values) == 1 {
					found = r.staticTypeOf(last.Values[0], 1)
				}
				return false
			}
		}
		return false
	})
	return found
}

// binaryTypeOf returns the static type of an arithmetic expression: that
// of an operand known to be of a notebook type (the other is then an
// untyped constant or of the same type), or of the left operand of a
// shift.
func (r *rewriter) binaryTypeOf(x *ast.BinaryExpr, depth int) string {
	switch x.Op {
	case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.AND, token.OR, token.XOR, token.AND_NOT:
		if t := r.staticTypeOf(x.X, depth+1); t != "" {
			return t
		}
		return r.staticTypeOf(x.Y, depth+1)
	case token.SHL, token.SHR:
		return r.staticTypeOf(x.X, depth+1)
	}
	return ""
}
