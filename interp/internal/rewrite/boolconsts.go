package rewrite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/cell"
)

// Constants of comparisons. yaegi v0.16.1 folds no comparison and no && or
// || of constants: a constant declared from one has no value, and reads
// false (const Big = N > 100, const ok = "a" < "b"). Such a constant is
// declared as a variable of the same value instead, which yaegi computes
// right; so is a constant computed from one of those (const off = !on).
//
//	const isBig = N > 100          becomes  var isBig = N > 100
//	const ( a = 1; b = a < 2; c )  becomes  const ( a = 1; _ = iota; c ); var b = a < 2
//
// When the value can be computed here (from literals, iota and the
// chunk's other constants), it is written out instead and the constant
// stays one:
//
//	const ( s = "ab" + "c"; ok = s == "abc" )  becomes  const ( s = "ab" + "c"; ok = true )
//
// A spec taken out of a group leaves _ = iota in its place, so the other
// specs keep their iota; one whose next spec repeats it implicitly is left
// as it is.
func (r *rewriter) boolConsts(root ast.Node) {
	r.forgetConsts()
	env := map[*ast.Object]constVal{}
	defer func() { r.hugeComparisons(root, env) }()
	if !strings.Contains(r.text, "const") {
		return
	}
	dynamic := map[*ast.Object]bool{}
	isDynamic := func(vs *ast.ValueSpec) bool {
		for _, v := range vs.Values {
			found := false
			ast.Inspect(v, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.BinaryExpr:
					switch x.Op {
					case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
						found = true
					}
				case *ast.Ident:
					if x.Obj != nil && dynamic[x.Obj] {
						found = true
					}
				case *ast.CallExpr:
					return false // len(s), conversions: no comparison reaches yaegi's folding here
				}
				return !found
			})
			if found {
				return true
			}
		}
		return false
	}
	ast.Inspect(root, func(n ast.Node) bool {
		g, ok := n.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			return true
		}
		var moved []string
		var prev *ast.ValueSpec
		for i, sp := range g.Specs {
			vs := sp.(*ast.ValueSpec)
			values, typ := vs.Values, vs.Type
			if len(values) == 0 && prev != nil {
				values, typ = prev.Values, prev.Type
			} else {
				prev = vs
			}
			folded := r.evalSpec(env, vs.Names, values, typ, i)
			if r.kind == cell.Decls && r.isTopLevel(g) {
				for _, id := range vs.Names {
					v := ""
					if c, ok := env[id.Obj]; ok && id.Obj != nil && c.v.Kind() == constant.Int && typ == nil {
						v = c.v.ExactString()
					}
					r.facts.SetConstValue(id.Name, v)
				}
			}
			if len(vs.Values) == 0 || !isDynamic(vs) {
				continue
			}
			if folded != nil {
				for j, v := range vs.Values {
					r.replace(v, folded[j])
				}
				continue
			}
			if !g.Lparen.IsValid() {
				for _, id := range vs.Names {
					if id.Obj != nil {
						dynamic[id.Obj] = true
					}
				}
				r.edits = append(r.edits, srcEdit{r.off(g.TokPos), r.off(g.TokPos) + len("const"), "var"})
				continue
			}
			if i+1 < len(g.Specs) && len(g.Specs[i+1].(*ast.ValueSpec).Values) == 0 {
				continue // repeated by the next spec
			}
			text := r.src(vs)
			if strings.Contains(text, "\n") {
				continue // keep the line structure
			}
			for _, id := range vs.Names {
				if id.Obj != nil {
					dynamic[id.Obj] = true
				}
			}
			var iotas []srcEdit
			for _, v := range vs.Values {
				ast.Inspect(v, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok && id.Name == "iota" && id.Obj == nil {
						o := r.off(id.Pos()) - r.off(vs.Pos())
						iotas = append(iotas, srcEdit{o, o + len("iota"), "(" + strconv.Itoa(i) + ")"})
					}
					return true
				})
			}
			if t, ok := applySrcEdits(text, iotas, 0); ok {
				text = t
			}
			moved = append(moved, "var "+text)
			r.replace(vs, "_ = iota")
		}
		if len(moved) > 0 {
			// Replacing the closing parenthesis keeps the variables in the
			// declaration's source (names.Decl), which a rebuild compiles.
			r.edits = append(r.edits, srcEdit{r.off(g.Rparen), r.off(g.Rparen) + 1, "); " + strings.Join(moved, "; ")})
		}
		return true
	})
}

// constVal is a constant computed by the rewrite: its value and whether
// it is an integer one (for the division of two of them).
type constVal struct {
	v       constant.Value
	integer bool
}

// evalSpec computes the values of a constant spec from env (the chunk's
// constants computed so far) and records them there. It returns their
// texts when every value is known and the type is a predeclared one (or
// none), else nil.
func (r *rewriter) evalSpec(env map[*ast.Object]constVal, names []*ast.Ident, values []ast.Expr, typ ast.Expr, iota int) []string {
	if len(values) != len(names) {
		return nil
	}
	integerType := false
	if typ != nil {
		id, ok := typ.(*ast.Ident)
		if !ok || id.Obj != nil {
			return nil
		}
		switch id.Name {
		case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte", "rune":
			integerType = true
		case "bool", "string", "float32", "float64":
		default:
			return nil
		}
	}
	texts := make([]string, len(names))
	for i, e := range values {
		c, ok := r.evalConst(env, e, iota, 0)
		if !ok {
			return nil
		}
		if integerType {
			if c.v = constant.ToInt(c.v); c.v.Kind() != constant.Int {
				return nil
			}
			c.integer = true
		}
		if names[i].Obj != nil {
			env[names[i].Obj] = c
		}
		texts[i] = c.v.ExactString()
		if c.v.Kind() == constant.Float && !c.integer {
			return nil // an exact fraction is no Go literal
		}
	}
	return texts
}

// evalConst computes a constant expression of literals, iota and the
// constants in env.
func (r *rewriter) evalConst(env map[*ast.Object]constVal, e ast.Expr, iota, depth int) (constVal, bool) {
	if depth > 50 {
		return constVal{}, false
	}
	switch x := e.(type) {
	case *ast.ParenExpr:
		return r.evalConst(env, x.X, iota, depth+1)
	case *ast.BasicLit:
		v := constant.MakeFromLiteral(x.Value, x.Kind, 0)
		return constVal{v, x.Kind == token.INT || x.Kind == token.CHAR}, v.Kind() != constant.Unknown
	case *ast.Ident:
		if x.Obj == nil {
			switch x.Name {
			case "true", "false":
				return constVal{v: constant.MakeBool(x.Name == "true")}, true
			case "iota":
				return constVal{constant.MakeInt64(int64(iota)), true}, true
			}
			if v := r.facts.ConstValue(x.Name); v != "" {
				c := constant.MakeFromLiteral(strings.TrimPrefix(v, "-"), token.INT, 0)
				if strings.HasPrefix(v, "-") {
					c = constant.UnaryOp(token.SUB, c, 0)
				}
				return constVal{c, true}, c.Kind() == constant.Int
			}
			return constVal{}, false
		}
		c, ok := env[x.Obj]
		return c, ok
	case *ast.UnaryExpr:
		c, ok := r.evalConst(env, x.X, iota, depth+1)
		if !ok || x.Op == token.XOR { // ^x needs the type's size
			return constVal{}, false
		}
		v := constant.UnaryOp(x.Op, c.v, 0)
		return constVal{v, c.integer}, v.Kind() != constant.Unknown
	case *ast.BinaryExpr:
		a, ok1 := r.evalConst(env, x.X, iota, depth+1)
		b, ok2 := r.evalConst(env, x.Y, iota, depth+1)
		if !ok1 || !ok2 {
			return constVal{}, false
		}
		switch x.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			if a.v.Kind() == constant.Bool != (b.v.Kind() == constant.Bool) || a.v.Kind() == constant.String != (b.v.Kind() == constant.String) {
				return constVal{}, false
			}
			return constVal{v: constant.MakeBool(constant.Compare(a.v, x.Op, b.v))}, true
		case token.SHL, token.SHR:
			n, ok := constant.Uint64Val(constant.ToInt(b.v))
			if !ok || !a.integer || n > 10000 {
				return constVal{}, false
			}
			return constVal{constant.Shift(a.v, x.Op, uint(n)), true}, true
		}
		op := x.Op
		integer := a.integer && b.integer
		if (op == token.QUO || op == token.REM) && constant.Sign(b.v) == 0 {
			return constVal{}, false
		}
		if op == token.QUO && integer {
			op = token.QUO_ASSIGN // integer division
		}
		if op == token.REM && !integer {
			return constVal{}, false
		}
		v := constant.BinaryOp(a.v, op, b.v)
		return constVal{v, integer}, v.Kind() != constant.Unknown
	}
	return constVal{}, false
}

// isTopLevel reports whether a declaration is one of the chunk's own.
func (r *rewriter) isTopLevel(g *ast.GenDecl) bool {
	for _, d := range r.decls {
		if d == g {
			return true
		}
	}
	return false
}

// forgetConsts forgets the recorded values of the names this chunk
// declares otherwise than as constants.
func (r *rewriter) forgetConsts() {
	if !r.facts.HasConstValues() {
		return
	}
	forget := func(id *ast.Ident) { r.facts.SetConstValue(id.Name, "") }
	for _, d := range r.decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				forget(d.Name)
			}
		case *ast.GenDecl:
			if d.Tok == token.CONST {
				continue
			}
			for _, sp := range d.Specs {
				switch sp := sp.(type) {
				case *ast.TypeSpec:
					forget(sp.Name)
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						forget(n)
					}
				}
			}
		}
	}
	for _, s := range r.body {
		for _, id := range declaredIdents(s) {
			forget(id)
		}
	}
}

// hugeComparisons computes comparisons of constants of which one does not
// fit in an int64 (Big > 1, with Big = 1 << 100): yaegi compares them at
// run time, truncated (false). Go computes them exactly, as this does.
func (r *rewriter) hugeComparisons(root ast.Node, env map[*ast.Object]constVal) {
	if !r.facts.HasConstValues() && !strings.Contains(r.text, "const") {
		return
	}
	huge := func(c constVal) bool {
		if c.v.Kind() != constant.Int {
			return false
		}
		_, exact := constant.Int64Val(c.v)
		return !exact
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.GenDecl:
			return x.Tok != token.CONST // boolConsts computes those
		case *ast.BinaryExpr:
			switch x.Op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			default:
				return true
			}
			a, ok1 := r.evalConst(env, x.X, 0, 0)
			b, ok2 := r.evalConst(env, x.Y, 0, 0)
			if !ok1 || !ok2 || !huge(a) && !huge(b) || a.v.Kind() != b.v.Kind() && !(a.integer && b.v.Kind() == constant.Float || b.integer && a.v.Kind() == constant.Float) {
				return true
			}
			r.replace(x, strconv.FormatBool(constant.Compare(a.v, x.Op, b.v)))
			return false
		}
		return true
	})
}
