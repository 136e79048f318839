package rewrite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"strings"
)

// Shifts by a constant expression in typed constants. yaegi v0.16.1
// reports "constant definition loop" for Effective Go's
//
//	type ByteSize float64
//	const ( _ = iota; KB ByteSize = 1 << (10 * iota); MB; GB )
//
// (a shift of an untyped constant by an expression, in a constant of a
// declared type). The value is an untyped integer constant, which the
// rewrite computes and writes out, in each spec repeating it too:
//
//	KB ByteSize = 1024; MB ByteSize = 1048576; ...
func (r *rewriter) constShifts(root ast.Node) {
	if !strings.Contains(r.text, "const") {
		return
	}
	ast.Inspect(root, func(n ast.Node) bool {
		g, ok := n.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			return true
		}
		for _, sp := range g.Specs {
			if len(sp.(*ast.ValueSpec).Names) > 1 {
				return true // constRepetitions writes the repeated specs out
			}
		}
		env := map[*ast.Object]constVal{}
		var prev *ast.ValueSpec
		for i, sp := range g.Specs {
			vs := sp.(*ast.ValueSpec)
			src := vs
			if len(vs.Values) == 0 && prev != nil {
				src = prev
			} else {
				prev = vs
			}
			if src.Type == nil && len(src.Values) == 1 && len(vs.Names) == 1 && intDivInFloat(src.Values[0]) {
				r.untypedFloatConst(env, vs, src, i)
				continue
			}
			if src.Type == nil || len(src.Values) != 1 || len(vs.Names) != 1 || !shiftByExpr(src.Values[0]) && !operatorExpr(src.Values[0]) {
				if len(src.Values) == len(vs.Names) {
					r.evalSpec(env, vs.Names, src.Values, src.Type, i)
				}
				continue
			}
			c, ok := r.evalConst(env, src.Values[0], i, 0)
			if !ok || c.v.Kind() != constant.Int && c.v.Kind() != constant.String {
				continue
			}
			text := c.v.ExactString()
			if len(vs.Values) > 0 {
				r.replace(vs.Values[0], text)
			} else if !strings.Contains(r.src(src.Type), "\n") {
				r.insert(vs.Names[0].End(), " "+r.src(src.Type)+" = "+text)
			}
		}
		return true
	})
}

// shiftByExpr reports whether e holds a shift by something other than a
// literal, and no comparison (boolconsts.go).
func shiftByExpr(e ast.Expr) bool {
	found, cmp := false, false
	ast.Inspect(e, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok {
			switch b.Op {
			case token.SHL, token.SHR:
				if _, lit := ast.Unparen(b.Y).(*ast.BasicLit); !lit {
					found = true
				}
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
				cmp = true
			}
		}
		return true
	})
	return found && !cmp
}
