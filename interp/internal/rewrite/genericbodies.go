package rewrite

import (
	"go/ast"
	"strings"
)

// Bodies of generic functions and of the methods of generic types.
//
// yaegi v0.16.1 compiles a conversion to a type parameter, T(x), by
// looking the type argument up by name where the function was declared:
// instantiated with a notebook type (To = Meters in Convert[Meters]), the
// name is main.Meters, which it does not find, and the compiler panics (a
// nil pointer in its CFG pass; with a predeclared type it works). A value
// of type T declared and assigned works for every type argument, so the
// conversion becomes one: func() (t T) { ConvertTo(&t, x); return }(),
// which converts with reflect, as Go does.

// mayHaveTypeParams is a quick test that chunks without a generic
// function or method fail.
func mayHaveTypeParams(text string) bool {
	return strings.Contains(text, "func") && strings.Contains(text, "[")
}

// genericBodies rewrites the conversions to a type parameter in the
// generic functions and methods of a declarations chunk.
func (r *rewriter) genericBodies() {
	for _, d := range r.file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		params := typeParamNames(fd)
		if len(params) == 0 {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 || call.Ellipsis.IsValid() {
				return true
			}
			id, ok := ast.Unparen(call.Fun).(*ast.Ident)
			if !ok || !params[id.Name] || (id.Obj != nil && id.Obj.Kind != ast.Typ) {
				return true
			}
			start, end := r.off(call.Pos()), r.off(call.End())
			arg := call.Args[0]
			as, ae := r.off(arg.Pos()), r.off(arg.End())
			t := id.Name
			r.composites = append(r.composites, composite{start: start, end: end, prio: 1, build: func() []srcEdit {
				x := r.render(as, ae)
				r.render(start, end) // what else was inside is x
				return []srcEdit{{start, end, "func() (__gocell_t " + t + ") { " + FixPkg + ".ConvertTo(&__gocell_t, " + x + "); return }()"}}
			}})
			return true
		})
	}
}

// typeParamNames returns the type parameters a function's body can name:
// its own, or those of its generic receiver type (Set[T], *Tree[K, V]).
func typeParamNames(fd *ast.FuncDecl) map[string]bool {
	out := map[string]bool{}
	if fd.Type.TypeParams != nil {
		for _, f := range fd.Type.TypeParams.List {
			for _, n := range f.Names {
				out[n.Name] = true
			}
		}
	}
	if fd.Recv != nil && len(fd.Recv.List) == 1 {
		e := fd.Recv.List[0].Type
		if s, ok := e.(*ast.StarExpr); ok {
			e = s.X
		}
		var idx []ast.Expr
		switch x := ast.Unparen(e).(type) {
		case *ast.IndexExpr:
			idx = []ast.Expr{x.Index}
		case *ast.IndexListExpr:
			idx = x.Indices
		}
		for _, i := range idx {
			if id, ok := i.(*ast.Ident); ok && id.Name != "_" {
				out[id.Name] = true
			}
		}
	}
	return out
}
