package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"

	"github.com/gocell/gocell/interp/cell"
)

// Unions of constraint interfaces.
//
// yaegi v0.16.1 fails on a union whose terms are themselves constraint
// interfaces of the notebook, the constraints package's way of building
// Number from Integer and Float:
//
//	type Number interface { Integer | Float }  // "invalid type", or a compile panic
//	func Scale[T Integer | Float](...)
//
// A union of plain terms (~int | ~float64) works. So such a union, in a
// type parameter list or an interface declaration, gets each term that
// names a notebook interface made only of a union replaced by that
// union's terms, recursively:
//
//	type Number interface { ~int | ~int64 | ~float32 | ~float64 }

// flattenUnions rewrites the unions of the chunk that name union-only
// interfaces of the notebook.
func (r *rewriter) flattenUnions() {
	if r.kind != cell.Decls || !strings.Contains(r.text, "|") {
		return
	}
	var unions []ast.Expr
	collect := func(e ast.Expr) {
		if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.OR {
			unions = append(unions, b)
		}
	}
	params := func(fl *ast.FieldList) {
		if fl != nil {
			for _, f := range fl.List {
				collect(f.Type)
			}
		}
	}
	ast.Inspect(r.file, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncType:
			params(x.TypeParams)
		case *ast.TypeSpec:
			params(x.TypeParams)
		case *ast.InterfaceType:
			for _, f := range x.Methods.List {
				if len(f.Names) == 0 {
					collect(f.Type)
				}
			}
		}
		return true
	})
	for _, u := range unions {
		if r.rewritten(u) {
			continue // a type parameter list written whole, flattened (decls.go)
		}
		if terms, changed := r.flatTerms(r.src(u), 0); changed {
			r.replace(u, strings.Join(terms, " | "))
		}
	}
}

// flatTerms returns the terms of a union written as Go source, those that
// name a union-only notebook interface expanded, and whether any was.
func (r *rewriter) flatTerms(text string, depth int) (terms []string, changed bool) {
	u, err := parser.ParseExpr(text)
	if err != nil {
		return nil, false
	}
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.OR {
			walk(b.X)
			walk(b.Y)
			return
		}
		if id, ok := e.(*ast.Ident); ok && depth < 8 {
			if inner := r.unionText(id.Name); inner != "" {
				if t, _ := r.flatTerms(inner, depth+1); t != nil {
					terms = append(terms, t...)
					changed = true
					return
				}
			}
		}
		terms = append(terms, text[e.Pos()-1:e.End()-1])
	}
	walk(u)
	return terms, changed
}

// unionText returns the union of a notebook interface declared as a single
// union of terms (interface { A | B }, no methods), as Go source, or "".
func (r *rewriter) unionText(name string) string {
	find := func(decls []ast.Decl) *ast.TypeSpec {
		for _, d := range decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, s := range g.Specs {
					if ts := s.(*ast.TypeSpec); ts.Name.Name == name {
						return ts
					}
				}
			}
		}
		return nil
	}
	spec, src := find(r.decls), r.src
	if spec == nil {
		if r.reg == nil {
			return ""
		}
		d := r.reg.Lookup(name)
		if d == nil || !strings.Contains(d.Source, "interface") {
			return ""
		}
		text := "package p\n" + d.Source
		f, err := parser.ParseFile(token.NewFileSet(), "", text, 0)
		if err != nil {
			return ""
		}
		spec = find(f.Decls)
		src = func(n ast.Node) string { return text[n.Pos()-1 : n.End()-1] }
	}
	if spec == nil || spec.TypeParams != nil || spec.Assign.IsValid() {
		return ""
	}
	it, ok := spec.Type.(*ast.InterfaceType)
	if !ok || len(it.Methods.List) != 1 || len(it.Methods.List[0].Names) != 0 {
		return ""
	}
	switch elem := it.Methods.List[0].Type.(type) {
	case *ast.BinaryExpr, *ast.UnaryExpr:
		return src(elem)
	}
	return "" // an embedded interface or a single type: left alone
}

// constraintSource returns the source of a type parameter's constraint,
// its union flattened as flattenUnions writes it.
func (r *rewriter) constraintSource(e ast.Expr) string {
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.OR && r.kind == cell.Decls {
		if terms, changed := r.flatTerms(r.src(e), 0); changed {
			return strings.Join(terms, " | ")
		}
	}
	return r.src(e)
}

// rewritten reports whether an edit already replaces a range holding n.
func (r *rewriter) rewritten(n ast.Node) bool {
	start, end := r.off(n.Pos()), r.off(n.End())
	for _, e := range r.edits {
		if e.start < e.end && e.start <= start && end <= e.end {
			return true
		}
	}
	return false
}
