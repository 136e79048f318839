package rewrite

import (
	"go/ast"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// Methods of a generic type that call one another.
//
// yaegi v0.16.1 instantiates a generic type with the methods declared so
// far, in order: a method that calls, through its receiver, a method of
// the same type declared after it fails with "undefined selector" when
// the type is instantiated (t.insert in Insert, insert below Insert).
// Moving the method would shift every position after it, so the chunk
// stops with an error that names both methods and the order that works.

// mayHaveGenericMethods is a quick test that chunks without a generic
// method fail.
func mayHaveGenericMethods(text string) bool {
	return strings.Contains(text, "func (") && strings.Contains(text, "[")
}

// genericMethodOrder fails the declarations chunk at the first call of a
// later-declared method of the same generic type through the receiver.
func (r *rewriter) genericMethodOrder() {
	type method struct {
		decl  *ast.FuncDecl
		index int
	}
	byType := map[string]map[string]method{}
	for i, d := range r.file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 || !genericRecv(fd.Recv.List[0].Type) {
			continue
		}
		t := names.ReceiverType(fd.Recv.List[0].Type)
		if byType[t] == nil {
			byType[t] = map[string]method{}
		}
		byType[t][fd.Name.Name] = method{fd, i}
	}
	if len(byType) == 0 {
		return
	}
	for i, d := range r.file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil || fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 {
			continue
		}
		methods := byType[names.ReceiverType(fd.Recv.List[0].Type)]
		recv := fd.Recv.List[0].Names[0]
		if methods == nil || recv.Obj == nil {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if r.err != nil {
				return false
			}
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			x, ok := ast.Unparen(sel.X).(*ast.Ident)
			if !ok || x.Obj != recv.Obj {
				return true
			}
			if m, ok := methods[sel.Sel.Name]; ok && m.index > i {
				typ := names.ReceiverType(fd.Recv.List[0].Type)
				r.fail(sel, "the method %s of the generic type %s calls %s, declared after it: the interpreter needs a generic type's methods declared before the methods that use them (move func %s above func %s)",
					fd.Name.Name, typ, sel.Sel.Name, sel.Sel.Name, fd.Name.Name)
			}
			return true
		})
	}
}

// genericRecv reports whether a receiver type has type parameters:
// T[K], *T[K, V].
func genericRecv(e ast.Expr) bool {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	switch ast.Unparen(e).(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}
