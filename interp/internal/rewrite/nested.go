package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"

	"github.com/gocell/gocell/interp/cell"
)

// Nested instantiations.
//
// yaegi v0.16.1 fails to compile (a panic in its CFG pass) an instantiated
// generic type of several type arguments behind a pointer or as a type
// argument: *Cache[string, int], Stack[Pair[string, int]],
// Wrap[*Pair[string, int]].
// Through an alias it works, so the inner instantiation gets one, declared
// before the declaration or top-level statement that uses it:
//
//	type __gocell_inst1 = Pair[string, int]; var st Stack[__gocell_inst1]
//
// The type arguments infer.go writes out get aliases the same way.

// aliasNested rewrites the nested instantiations the chunk spells out.
func (r *rewriter) aliasNested() {
	r.flattenUnions()                     // genericunions.go
	r.noteGenericStructs()                // genericprint.go
	literals := r.aliasLiteralInstances() // genericlits.go
	for _, inner := range nestedInstances(r.file) {
		if !mentionsTypeParam(inner) && !literals[inner] {
			r.replace(inner, r.alias(inner.Pos(), r.src(inner)))
		}
	}
}

// aliasText returns type text (written by the rewrites, used at pos) with
// its nested instantiations replaced by aliases.
func (r *rewriter) aliasText(pos token.Pos, text string) string {
	if !strings.Contains(text, ",") {
		return text // an instantiation of several arguments has a comma
	}
	e, err := parser.ParseExpr(text)
	if err != nil {
		return text
	}
	var edits []srcEdit
	for _, inner := range nestedInstances(e) {
		start, end := int(inner.Pos())-1, int(inner.End())-1
		edits = append(edits, srcEdit{start, end, r.alias(pos, text[start:end])})
	}
	out, _ := applySrcEdits(text, edits, 0)
	return out
}

// nestedInstances returns the instantiations of several type arguments
// under root that yaegi cannot compile in place: those behind a pointer
// (*Cache[string, int]) or among another instantiation's type arguments
// (Stack[Pair[string, int]]).
func nestedInstances(root ast.Node) []*ast.IndexListExpr {
	var out []*ast.IndexListExpr
	var visit func(n ast.Node, nested bool) bool
	visit = func(n ast.Node, nested bool) bool {
		switch x := n.(type) {
		case *ast.IndexListExpr:
			if nested {
				out = append(out, x)
				return false
			}
			for _, a := range x.Indices {
				ast.Inspect(a, func(m ast.Node) bool { return m == nil || visit(m, true) })
			}
			ast.Inspect(x.X, func(m ast.Node) bool { return m == nil || visit(m, false) })
			return false
		case *ast.IndexExpr:
			ast.Inspect(x.Index, func(m ast.Node) bool { return m == nil || visit(m, true) })
			ast.Inspect(x.X, func(m ast.Node) bool { return m == nil || visit(m, false) })
			return false
		case *ast.StarExpr:
			if il, ok := x.X.(*ast.IndexListExpr); ok {
				out = append(out, il)
				return false
			}
		}
		return true
	}
	ast.Inspect(root, func(n ast.Node) bool {
		if fd, ok := n.(*ast.FuncDecl); ok && fd.Recv != nil {
			// A receiver names the type's parameters (Cache[K, V]): only
			// the signature and body may hold instantiations to alias.
			ast.Inspect(fd.Type, func(m ast.Node) bool { return m == nil || visit(m, false) })
			if fd.Body != nil {
				ast.Inspect(fd.Body, func(m ast.Node) bool { return m == nil || visit(m, false) })
			}
			return false
		}
		return n == nil || visit(n, false)
	})
	return out
}

// alias returns the name of an alias of type text, declared before the
// top-level declaration or statement holding pos.
func (r *rewriter) alias(pos token.Pos, text string) string {
	name := r.name("inst")
	top := r.topNode(pos)
	if top == nil {
		return text
	}
	if r.aliases == nil {
		r.aliases = map[ast.Node]string{}
	}
	r.aliases[top] += "type " + name + " = " + text + "; "
	return name
}

// insertAliases inserts the aliases alias declared.
func (r *rewriter) insertAliases() {
	for n, decl := range r.aliases {
		r.insert(n.Pos(), decl)
	}
	r.aliases = nil
}

// topNode returns the chunk's top-level declaration or statement holding
// pos, or nil.
func (r *rewriter) topNode(pos token.Pos) ast.Node {
	if r.kind == cell.Decls {
		for _, d := range r.decls {
			if d.Pos() <= pos && pos < d.End() {
				return d
			}
		}
		return nil
	}
	for _, s := range r.body {
		if s.Pos() <= pos && pos < s.End() {
			return s
		}
	}
	return nil
}

// mentionsTypeParam reports whether an expression names a type parameter
// (which a package-level alias cannot see).
func mentionsTypeParam(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Obj != nil && id.Obj.Kind == ast.Typ {
			if _, spec := id.Obj.Decl.(*ast.TypeSpec); !spec {
				found = true // a type parameter, of a function or a receiver
			}
		}
		return !found
	})
	return found
}

// nestedInstancesIn is nestedInstances of a type written as text.
func nestedInstancesIn(text string) []*ast.IndexListExpr {
	if !strings.Contains(text, ",") {
		return nil
	}
	e, err := parser.ParseExpr(text)
	if err != nil {
		return nil
	}
	return nestedInstances(e)
}

// aliasTypeArg is aliasText for a type argument written out: an
// instantiation of several arguments is itself nested there.
func (r *rewriter) aliasTypeArg(pos token.Pos, text string) string {
	if e, err := parser.ParseExpr(text); err == nil {
		if _, ok := e.(*ast.IndexListExpr); ok {
			return r.alias(pos, text)
		}
	}
	return r.aliasText(pos, text)
}
