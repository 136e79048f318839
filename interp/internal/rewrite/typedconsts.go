package rewrite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"strconv"
	"strings"
)

// Typed constants declared from an expression of untyped constants.
//
// yaegi v0.16.1 gives a constant of a declared type whose value is an
// operation on untyped constants the type of the untyped result instead:
//
//	type Status int
//	const ( Active Status = iota + 1; Suspended )
//	const Limit Status = 2 + 3
//
// Active, Suspended and Limit are ints to it: s == Active is false for a
// Status s of the same value, a String method compares wrong, and the value
// stored in an interface has type int. A single literal keeps the declared
// type, so constShifts (constshift.go) writes the computed value out, in
// each spec repeating it too: Active Status = 1; Suspended Status = 2.

// operatorExpr reports whether a constant's value is an operation (not a
// single literal, name or conversion), with no comparison (boolconsts.go).
func operatorExpr(e ast.Expr) bool {
	switch ast.Unparen(e).(type) {
	case *ast.BinaryExpr, *ast.UnaryExpr:
	default:
		return false
	}
	cmp := false
	ast.Inspect(e, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok {
			switch b.Op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
				cmp = true
			}
		}
		return !cmp
	})
	return !cmp
}

// Untyped constants mixing an integer division with floating-point
// operands: Go divides the integers exactly as integers (5 / 2 * 2.0 is
// 4), yaegi v0.16.1 computes the whole expression in floating point (5).
// The value is computed here and written out, as a floating-point literal.

// intDivInFloat reports whether a constant expression holds a division and
// a floating-point literal.
func intDivInFloat(e ast.Expr) bool {
	div, float := false, false
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.BinaryExpr:
			div = div || x.Op == token.QUO || x.Op == token.REM
		case *ast.BasicLit:
			float = float || x.Kind == token.FLOAT
		}
		return true
	})
	return div && float
}

// untypedFloatConst writes out the value of such a constant spec (vs, or
// the spec src it repeats), when it is exact as a short literal.
func (r *rewriter) untypedFloatConst(env map[*ast.Object]constVal, vs, src *ast.ValueSpec, iota int) {
	c, ok := r.evalConst(env, src.Values[0], iota, 0)
	if !ok || len(vs.Values) == 0 {
		return
	}
	if vs.Names[0].Obj != nil {
		env[vs.Names[0].Obj] = c
	}
	var text string
	switch c.v.Kind() {
	case constant.Int:
		text = c.v.ExactString()
	case constant.Float:
		f, _ := constant.Float64Val(c.v)
		text = strconv.FormatFloat(f, 'g', -1, 64)
		if constant.Compare(constant.MakeFromLiteral(text, token.FLOAT, 0), token.NEQ, c.v) {
			return // not exact as a literal: left to the interpreter
		}
		if !strings.ContainsAny(text, ".eE") {
			text += ".0"
		}
	default:
		return
	}
	r.replace(vs.Values[0], text)
}

// typedVarDivisions writes out the value of a variable declared with a
// type from a constant expression with an integer division: var x float64
// = 1 / 3 is 0 in Go (the constant is an integer), 0.333... to yaegi
// v0.16.1, which divides in the variable's type.
func (r *rewriter) typedVarDivisions(root ast.Node) {
	if !strings.Contains(r.text, "/") && !strings.Contains(r.text, "%") {
		return
	}
	ast.Inspect(root, func(n ast.Node) bool {
		g, ok := n.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			return true
		}
		for _, sp := range g.Specs {
			vs := sp.(*ast.ValueSpec)
			if vs.Type == nil {
				continue
			}
			for _, v := range vs.Values {
				if !operatorExpr(v) || !hasIntDivision(v) {
					continue
				}
				c, ok := r.evalConst(map[*ast.Object]constVal{}, v, 0, 0)
				if ok && c.v.Kind() == constant.Int {
					r.replace(v, c.v.ExactString())
				}
			}
		}
		return true
	})
}

// hasIntDivision reports whether an expression divides.
func hasIntDivision(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.QUO || b.Op == token.REM) {
			found = true
		}
		return !found
	})
	return found
}
