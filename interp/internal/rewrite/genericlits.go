package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/gocell/gocell/interp/cell"
)

// Composite literals of a generic type instantiated with several type
// arguments.
//
// yaegi v0.16.1 compiles Pair[int, string]{...} once for the whole
// program: a second literal of the same instantiation, in the same
// function or another, takes over the first one's node, so the first
// literal yields the second one's value or the zero value, and statements
// around it can be skipped (p := Pair[int, string]{3, "c"} printed {0 } or
// the other literal's fields, with no error). In generic bodies the same
// literal, Pair[K, V]{k, v}, fails for the second set of type arguments.
//
// A variable of the type is instantiated where it stands. So, in
// declarations, each such literal becomes a function literal that sets the
// fields given on its named result, called in place (no declaration is
// added: a declaration's source is replayed alone):
//
//	Pair[K, V]{k, v}  becomes  func() (__gocell_v Pair[K, V]) { __gocell_v.Key = k; __gocell_v.Value = v; return }()
//
// The elements are evaluated in their order, as in the literal. In
// statements, the literal's type gets an alias (nested.go), declared
// before the statement, which yaegi compiles where it stands:
//
//	p := Pair[int, string]{3, "c"}  becomes  type __gocell_inst1 = Pair[int, string]; p := __gocell_inst1{3, "c"}

// aliasLiteralInstances rewrites the composite literals of instantiations
// of several type arguments. It returns the instantiations it handled
// whole, nested ones included.
func (r *rewriter) aliasLiteralInstances() map[*ast.IndexListExpr]bool {
	if !strings.Contains(r.text, "]{") {
		return nil
	}
	var done map[*ast.IndexListExpr]bool
	ptrs := map[*ast.CompositeLit]*ast.UnaryExpr{} // &T{...}
	ast.Inspect(r.file, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if lit, ok := u.X.(*ast.CompositeLit); ok {
				ptrs[lit] = u
			}
		}
		lit, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		il, ok := lit.Type.(*ast.IndexListExpr)
		if !ok || r.topNode(il.Pos()) == nil {
			return true
		}
		if r.kind == cell.Decls {
			r.constructLiteral(lit, il, ptrs[lit])
			return true
		}
		if r.namesTypeParam(il) {
			return true
		}
		r.replace(il, r.alias(il.Pos(), r.aliasText(il.Pos(), r.src(il))))
		if done == nil {
			done = map[*ast.IndexListExpr]bool{}
		}
		ast.Inspect(il, func(m ast.Node) bool {
			if x, ok := m.(*ast.IndexListExpr); ok {
				done[x] = true
			}
			return true
		})
		return true
	})
	return done
}

// hasTypeParamLiterals reports whether a declarations chunk holds a
// composite literal of an instantiation of several type arguments, which
// needs the check (for the type's fields).
func (r *rewriter) hasTypeParamLiterals() bool {
	if r.kind != cell.Decls || !strings.Contains(r.text, "]{") {
		return false
	}
	found := false
	ast.Inspect(r.file, func(n ast.Node) bool {
		if lit, ok := n.(*ast.CompositeLit); ok {
			if _, ok := lit.Type.(*ast.IndexListExpr); ok {
				found = true
			}
		}
		return !found
	})
	return found
}

// constructLiteral replaces a literal of an instantiation with a function
// literal setting its fields, called in place; ptr is the & taking its
// address, or nil. A literal the check did not type as a struct of the
// notebook, or with an element of elided type, stays as written.
func (r *rewriter) constructLiteral(lit *ast.CompositeLit, il *ast.IndexListExpr, ptr *ast.UnaryExpr) {
	if r.gen == nil || r.gen.pkg == nil {
		return
	}
	base, ok := il.X.(*ast.Ident)
	if !ok {
		return
	}
	tn, ok := r.gen.pkg.Scope().Lookup(base.Name).(*types.TypeName)
	if !ok {
		return
	}
	named, ok := tn.Type().(*types.Named)
	if !ok || named.TypeParams().Len() != len(il.Indices) {
		return
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return
	}
	var fields []*types.Var // in the order of the elements
	for i, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				return
			}
			var f *types.Var
			for j := 0; j < st.NumFields(); j++ {
				if st.Field(j).Name() == id.Name {
					f = st.Field(j)
				}
			}
			if f == nil {
				return
			}
			fields = append(fields, f)
			e = kv.Value
		} else {
			if len(lit.Elts) != st.NumFields() {
				return
			}
			fields = append(fields, st.Field(i))
		}
		if c, ok := e.(*ast.CompositeLit); ok && c.Type == nil {
			return // an element of elided type needs the field's type
		}
	}
	var sets []string
	for _, f := range fields {
		sets = append(sets, "__gocell_v."+f.Name()+" = %s; ")
	}
	typ := r.src(il)
	head := "func() (__gocell_v " + typ + ") { "
	ret := "return }()"
	if ptr != nil {
		head = "func() *" + typ + " { var __gocell_v " + typ + "; "
		ret = "return &__gocell_v }()"
	}
	var n ast.Node = lit
	if ptr != nil {
		n = ptr
	}
	start, end := r.off(n.Pos()), r.off(n.End())
	r.composites = append(r.composites, composite{start: start, end: end, prio: 1, build: func() []srcEdit {
		var b strings.Builder
		b.WriteString(head)
		for i, e := range lit.Elts {
			fmt.Fprintf(&b, sets[i], r.renderNode(elemValue(e)))
		}
		b.WriteString(ret)
		r.render(start, end) // what is left: the type and the keys
		return []srcEdit{{start, end, b.String()}}
	}})
}

// elemValue returns the value of a composite literal element.
func elemValue(e ast.Expr) ast.Expr {
	if kv, ok := e.(*ast.KeyValueExpr); ok {
		return kv.Value
	}
	return e
}

// namesTypeParam reports whether an expression names a type parameter of
// a generic function or of the receiver of a method of a generic type
// (which the parser leaves unresolved).
func (r *rewriter) namesTypeParam(e ast.Expr) bool {
	if mentionsTypeParam(e) {
		return true
	}
	params := map[string]bool{}
	for _, d := range r.decls {
		f, ok := d.(*ast.FuncDecl)
		if !ok || e.Pos() < f.Pos() || e.Pos() >= f.End() || f.Recv == nil || len(f.Recv.List) != 1 {
			continue
		}
		t := f.Recv.List[0].Type
		if st, ok := t.(*ast.StarExpr); ok {
			t = st.X
		}
		switch x := t.(type) {
		case *ast.IndexExpr:
			if id, ok := x.Index.(*ast.Ident); ok {
				params[id.Name] = true
			}
		case *ast.IndexListExpr:
			for _, i := range x.Indices {
				if id, ok := i.(*ast.Ident); ok {
					params[id.Name] = true
				}
			}
		}
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && params[id.Name] {
			found = true
		}
		return !found
	})
	return found
}

// literalElementCalls returns the calls that are elements of composite
// literals. yaegi takes a generic call of several type arguments there,
// []Pair[string, int]{MakePair[string, int]("x", 1)}, for a type (not a
// generic type: func(...)); in a function literal called in place, which
// infer.go writes for them, it runs.
func literalElementCalls(f *ast.File) map[*ast.CallExpr]bool {
	out := map[*ast.CallExpr]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.CompositeLit); ok {
			for _, e := range lit.Elts {
				if c, ok := elemValue(e).(*ast.CallExpr); ok {
					out[c] = true
				}
			}
		}
		return true
	})
	return out
}
