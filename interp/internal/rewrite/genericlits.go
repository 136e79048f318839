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
// the other literal's fields, with no error). A literal of an alias of the
// instantiation is compiled where it stands, so each such literal's type
// gets its own alias (nested.go):
//
//	p := Pair[int, string]{3, "c"}  becomes  type __gocell_inst1 = Pair[int, string]; p := __gocell_inst1{3, "c"}
//
// A literal whose type names a type parameter (Pair[K, V]{k, v} in a
// generic body) cannot be aliased at the top level (and yaegi ignores a
// local alias there): it becomes a call of a generic constructor declared
// before the function, which sets the fields given on a variable of the
// type (a variable declaration instantiates the type where it stands):
//
//	func __gocell_lit1[K any, V any](a0 K, a1 V) Pair[K, V] { var p Pair[K, V]; p.Key = a0; p.Value = a1; return p }
//	... Pair[K, V]{k, v}  becomes  (__gocell_lit1[K, V](k, v))
//
// A generic function called with several explicit type arguments is
// instantiated right inside a generic body; the constructor's type
// parameters are all any (the type arguments are checked against the
// type's constraints where the type is instantiated).

// aliasLiteralInstances gives each composite literal of an instantiation
// of several type arguments its own alias. It returns the instantiations
// it aliased, whose own nested instantiations it handled.
func (r *rewriter) aliasLiteralInstances() map[*ast.IndexListExpr]bool {
	if !strings.Contains(r.text, "[") || !strings.Contains(r.text, ",") {
		return nil
	}
	var done map[*ast.IndexListExpr]bool
	ptrs := map[*ast.CompositeLit]*ast.UnaryExpr{} // &T{...}
	inner := map[*ast.CompositeLit]bool{}          // elements of literals
	ast.Inspect(r.file, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if lit, ok := u.X.(*ast.CompositeLit); ok {
				ptrs[lit] = u
			}
		}
		if c, ok := n.(*ast.CompositeLit); ok {
			for _, e := range c.Elts {
				if lit, ok := elemValue(e).(*ast.CompositeLit); ok {
					inner[lit] = true
					r.elideElementType(c, e, lit)
				}
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
		if r.namesTypeParam(il) {
			// yaegi takes a call among a literal's elements for a type
			// (not a generic type: func(...)): such a literal stays.
			if !inner[lit] {
				r.constructLiteral(lit, il, ptrs[lit])
			}
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

// hasTypeParamLiterals reports whether the chunk may hold a composite
// literal of an instantiation of several type arguments in a generic body,
// which needs the check (for the type's fields).
func (r *rewriter) hasTypeParamLiterals() bool {
	if r.kind != cell.Decls || !strings.Contains(r.text, "]{") {
		return false
	}
	found := false
	ast.Inspect(r.file, func(n ast.Node) bool {
		if lit, ok := n.(*ast.CompositeLit); ok {
			if il, ok := lit.Type.(*ast.IndexListExpr); ok && r.namesTypeParam(il) {
				found = true
			}
		}
		return !found
	})
	return found
}

// constructLiteral replaces a literal of an instantiation naming type
// parameters with a call of a constructor declared after the top-level
// declaration holding it; ptr is the & taking its address, or nil. A
// literal the check did not type as a struct of the notebook, or with an
// element of elided type, stays as written.
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
	qual := func(p *types.Package) string {
		if p == r.gen.pkg {
			return ""
		}
		return p.Name()
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
	var tparams, targs, params, sets []string
	for i := 0; i < named.TypeParams().Len(); i++ {
		name := named.TypeParams().At(i).Obj().Name()
		tparams = append(tparams, name+" any")
		targs = append(targs, name)
	}
	for i, f := range fields {
		a := fmt.Sprintf("a%d", i)
		params = append(params, a+" "+types.TypeString(f.Type(), qual))
		sets = append(sets, "p."+f.Name()+" = "+a+"; ")
	}
	typ := base.Name + "[" + strings.Join(targs, ", ") + "]"
	name := r.name("lit")
	result, ret := typ, "return p"
	if ptr != nil {
		result, ret = "*"+typ, "return &p"
	}
	// After the declaration, on its last line: the positions of the
	// declaration stay those of the cell.
	r.insert(r.topNode(lit.Pos()).End(), "; func "+name+"["+strings.Join(tparams, ", ")+"]("+strings.Join(params, ", ")+") "+result+
		" { var p "+typ+"; "+strings.Join(sets, "")+ret+" }")
	var n ast.Node = lit
	if ptr != nil {
		n = ptr
	}
	start, end := r.off(n.Pos()), r.off(n.End())
	r.composites = append(r.composites, composite{start: start, end: end, prio: 1, build: func() []srcEdit {
		var list, args []string
		for _, x := range il.Indices {
			list = append(list, r.renderNode(x))
		}
		for _, e := range lit.Elts {
			args = append(args, r.renderNode(elemValue(e)))
		}
		r.render(start, end) // what is left: the type's name and the keys
		// In parentheses: as an element of a literal, yaegi takes the
		// call for a type.
		return []srcEdit{{start, end, "(" + name + "[" + strings.Join(list, ", ") + "](" + strings.Join(args, ", ") + "))"}}
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

// elideElementType drops the type of a literal element of a slice, array
// or map literal when it is the element type, an instantiation naming
// type parameters: yaegi refuses []Pair[K, V]{Pair[K, V]{k, v}} (cannot
// use type main.Pair[int,string] as type int) and runs []Pair[K, V]{{k, v}},
// which Go reads the same.
func (r *rewriter) elideElementType(outer *ast.CompositeLit, e ast.Expr, lit *ast.CompositeLit) {
	il, ok := lit.Type.(*ast.IndexListExpr)
	if !ok || !r.namesTypeParam(il) {
		return
	}
	var elt ast.Expr
	switch t := outer.Type.(type) {
	case *ast.ArrayType:
		elt = t.Elt
	case *ast.MapType:
		if _, isKey := e.(*ast.KeyValueExpr); !isKey {
			return
		}
		elt = t.Value
	default:
		return
	}
	if elt == nil || r.src(elt) != r.src(il) {
		return
	}
	r.edits = append(r.edits, srcEdit{r.off(il.Pos()), r.off(il.End()), ""})
}
