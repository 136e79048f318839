package rewrite

import (
	"go/ast"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// Methods promoted from an embedded interface. yaegi v0.16.1 panics
// ("invalid interface value") calling a method that a struct promotes from
// an embedded interface field:
//
//	type Service struct { Logger; Name string }
//	s.Log("x")  becomes  s.Logger.Log("x")
//
// where the static type of s is a notebook struct that has no field or
// method of that name and exactly one embedded field of a type that is
// not a notebook struct (an interface, or a package's type, for which the
// selector means the same).
func (r *rewriter) embeddedInterfaceCalls(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil && !r.facts.HasVar(id.Name) {
			return true // a package's name
		}
		t := strings.TrimPrefix(strings.TrimPrefix(r.staticTypeOf(sel.X, 0), "*"), "main.")
		if t == "" {
			return true
		}
		fields := r.facts.StructFields(t)
		if fields == nil {
			return true
		}
		if _, ok := r.facts.MethodOf(t, sel.Sel.Name); ok {
			return true
		}
		via := ""
		for _, f := range fields {
			if f.Name == sel.Sel.Name {
				return true
			}
			if !isEmbedded(f) {
				continue
			}
			if !strings.Contains(f.Type, ".") && r.facts.IsConcrete(f.Name) {
				if _, ok := r.facts.MethodOf(f.Name, sel.Sel.Name); ok {
					return true // promoted from a notebook type: yaegi is right
				}
				for _, g := range r.facts.StructFields(f.Name) {
					if g.Name == sel.Sel.Name || isEmbedded(g) {
						return true // its own, or maybe deeper: leave it
					}
				}
				continue
			}
			if via != "" {
				return true // two candidates: Go's rules, not this
			}
			via = f.Name
		}
		if via != "" {
			r.insert(sel.X.End(), "."+via)
		}
		return true
	})
}

// isEmbedded reports whether a struct field is embedded: its name is its
// type's.
func isEmbedded(f names.Field) bool {
	base := strings.TrimPrefix(f.Type, "*")
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		base = base[i+1:]
	}
	return base == f.Name
}
