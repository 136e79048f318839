package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
)

// Ranging with a value over a slice, array or map of channels.
//
// yaegi v0.16.1 decides that a range statement ranges over a channel from
// the type of its second child, which with two loop variables is the value
// variable, not the ranged expression: `for _, c := range chans` with
// chans a []chan int, the fan-in of every pipeline, panics ("reflect: call
// of reflect.Value.Len on int Value"). Where the syntax shows that the
// elements are channels, the value is read by index instead:
//
//	for i, c := range cs { ... }    becomes    for __gocell_ck1 := range cs { i := __gocell_ck1; c := cs[__gocell_ck1]; _, _ = i, c; ... }
//
// The ranged expression must be a name (it is read again in each
// iteration); its type comes from its declaration in the chunk (a
// parameter, var, make or composite literal) or, for a notebook variable,
// from the cell that declared it.

// rangeChanElems rewrites the loop if it ranges with a value over channels
// and reports whether it did.
func (r *rewriter) rangeChanElems(loop *ast.RangeStmt) bool {
	if loop.Tok != token.DEFINE || loop.Value == nil {
		return false
	}
	val, ok := loop.Value.(*ast.Ident)
	if !ok || val.Name == "_" {
		return false
	}
	x, ok := loop.X.(*ast.Ident)
	if !ok || !r.chanElements(x) {
		return false
	}
	k := r.name("ck")
	var head string
	if key, ok := loop.Key.(*ast.Ident); ok && key.Name != "_" {
		head = " " + key.Name + " := " + k + "; " + val.Name + " := " + x.Name + "[" + k + "]; _, _ = " + key.Name + ", " + val.Name + ";"
	} else {
		head = " " + val.Name + " := " + x.Name + "[" + k + "]; _ = " + val.Name + ";"
	}
	r.edits = append(r.edits, srcEdit{r.off(loop.Key.Pos()), r.off(loop.Value.End()), k})
	r.insert(loop.Body.Lbrace+1, head)
	return true
}

// chanElements reports whether the syntax shows x to be a slice, array or
// map (or a pointer to an array) whose elements are channels.
func (r *rewriter) chanElements(x *ast.Ident) bool {
	typ := r.declaredType(x)
	if typ == nil {
		return false
	}
	if p, ok := typ.(*ast.StarExpr); ok {
		typ = p.X
	}
	var elem ast.Expr
	switch t := typ.(type) {
	case *ast.ArrayType:
		elem = t.Elt
	case *ast.Ellipsis:
		elem = t.Elt
	case *ast.MapType:
		elem = t.Value
	default:
		return false
	}
	_, isChan := ast.Unparen(elem).(*ast.ChanType)
	return isChan
}

// declaredType is the type expression x was declared with, where its
// declaration shows one.
func (r *rewriter) declaredType(x *ast.Ident) ast.Expr {
	if x.Obj == nil {
		text := r.facts.VarTypeText(x.Name)
		if text == "" {
			return nil
		}
		e, err := parser.ParseExpr(text)
		if err != nil {
			return nil
		}
		return e
	}
	fromValue := func(v ast.Expr) ast.Expr {
		switch v := ast.Unparen(v).(type) {
		case *ast.CompositeLit:
			return v.Type
		case *ast.CallExpr:
			if id, ok := v.Fun.(*ast.Ident); ok && id.Name == "make" && id.Obj == nil && len(v.Args) > 0 {
				return v.Args[0]
			}
		}
		return nil
	}
	switch d := x.Obj.Decl.(type) {
	case *ast.Field:
		return d.Type
	case *ast.ValueSpec:
		if d.Type != nil {
			return d.Type
		}
		for i, n := range d.Names {
			if n.Name == x.Name && i < len(d.Values) {
				return fromValue(d.Values[i])
			}
		}
	case *ast.AssignStmt:
		if len(d.Lhs) != len(d.Rhs) {
			return nil
		}
		for i, l := range d.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name == x.Name {
				return fromValue(d.Rhs[i])
			}
		}
	}
	return nil
}
