package rewrite

import (
	"go/ast"
	"go/token"

	"github.com/gocell/gocell/interp/cell"
)

// Nested instantiations.
//
// yaegi v0.16.1 fails to compile (a panic in its CFG pass) a generic type
// or function instantiated with an instantiated generic type of several
// type arguments: Stack[Pair[string, int]], Wrap[*Pair[string, int]].
// Through an alias it works, so the inner instantiation gets one, declared
// before the declaration or top-level statement that uses it:
//
//	type __gocell_inst1 = Pair[string, int]; var st Stack[__gocell_inst1]
//
// The type arguments infer.go writes out get aliases the same way.

// aliasNested rewrites the nested instantiations the chunk spells out.
func (r *rewriter) aliasNested() {
	ast.Inspect(r.file, func(n ast.Node) bool {
		var args []ast.Expr
		switch x := n.(type) {
		case *ast.IndexExpr:
			args = []ast.Expr{x.Index}
		case *ast.IndexListExpr:
			args = x.Indices
		default:
			return true
		}
		for _, a := range args {
			ast.Inspect(a, func(m ast.Node) bool {
				inner, ok := m.(*ast.IndexListExpr)
				if !ok || mentionsTypeParam(inner) {
					return true
				}
				r.replace(inner, r.alias(inner.Pos(), r.src(inner)))
				return false
			})
		}
		return true
	})
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
			if _, field := id.Obj.Decl.(*ast.Field); field {
				found = true
			}
		}
		return !found
	})
	return found
}
