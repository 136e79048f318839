package rewrite

import (
	"go/ast"
	"go/types"
	"strings"
)

// Method values bound when they are made.
//
// Go evaluates the receiver of a method value x.M when the value is made:
// a pointer receiver binds the pointer x holds then (or &x), a value
// receiver a copy of x. yaegi v0.16.1 reads x again each time the method
// value is called, from the frame it was made in, so a method value made
// in a loop calls the method on the last element:
//
//	for _, w := range workers { go w.Run(ready) }       // every goroutine ran the last worker
//	for _, w := range workers { fs = append(fs, w.Get) } // every f called the last one
//
// When the chunk was type-checked (infer.go runs the check for a chunk
// with such a method value), the receiver is evaluated into a variable of
// a frame of its own, which nothing writes again:
//
//	w.Get          becomes  func() func() int { __gocell_r := w; return __gocell_r.Get }()
//	go w.Run(c)    becomes  { __gocell_r, __gocell_a0 := w, c; ... __gocell_r.Run(__gocell_a0) ... }
//
// with &(x) for a pointer method of an addressable value and *(x) for a
// value method of a pointer, as Go's automatic & and * do.

// hasMethodValues reports whether the chunk has a selector x.M, not
// called or the function of a go statement, where M is the name of a
// method the notebook (or the chunk) declares: a quick test for asking the
// type check to tell method values from fields.
func (r *rewriter) hasMethodValues() bool {
	declared := map[string]bool{}
	for _, d := range r.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
			declared[fd.Name.Name] = true
		}
	}
	found := false
	called := map[ast.Expr]bool{}
	ast.Inspect(r.file, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.GoStmt:
			if sel, ok := ast.Unparen(n.Call.Fun).(*ast.SelectorExpr); ok {
				found = declared[sel.Sel.Name] || len(r.facts.MethodsNamed(sel.Sel.Name)) > 0
			}
		case *ast.CallExpr:
			called[ast.Unparen(n.Fun)] = true
		case *ast.SelectorExpr:
			if !called[n] {
				found = declared[n.Sel.Name] || len(r.facts.MethodsNamed(n.Sel.Name)) > 0
			}
		}
		return true
	})
	return found
}

// boundReceiver returns, for a method value sel the type check saw, how to
// write its receiver evaluated once from the rewritten text of sel.X, and
// the method value's signature as Go source ("" when it cannot be
// written in the chunk).
func (r *rewriter) boundReceiver(sel *ast.SelectorExpr) (recv func(x string) string, sig string, ok bool) {
	if r.gen == nil || r.gen.info == nil || r.gen.info.Selections == nil {
		return nil, "", false
	}
	s := r.gen.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal || len(s.Index()) != 1 {
		return nil, "", false
	}
	fn, isFunc := s.Obj().(*types.Func)
	if !isFunc {
		return nil, "", false
	}
	msig, isSig := fn.Type().(*types.Signature)
	if !isSig || msig.Recv() == nil {
		return nil, "", false
	}
	_, ptrRecv := msig.Recv().Type().(*types.Pointer)
	_, ptrX := s.Recv().Underlying().(*types.Pointer)
	if _, isIface := s.Recv().Underlying().(*types.Interface); isIface {
		return nil, "", false
	}
	switch {
	case ptrRecv && !ptrX:
		recv = func(x string) string { return "&(" + x + ")" }
	case !ptrRecv && ptrX:
		recv = func(x string) string { return "*(" + x + ")" }
	default:
		recv = func(x string) string { return x }
	}
	if mv, isSig := s.Type().(*types.Signature); isSig && nameable(mv, r.gen.pkg, r.gen.visible) {
		qual := func(p *types.Package) string {
			if p == r.gen.pkg {
				return ""
			}
			return p.Name()
		}
		sig = r.aliasText(sel.Pos(), types.TypeString(mv, qual))
	}
	return recv, sig, true
}

// bindMethodValue rewrites a method value that is not called so that its
// receiver is evaluated now; it reports whether it did.
func (r *rewriter) bindMethodValue(sel *ast.SelectorExpr) bool {
	recv, sig, ok := r.boundReceiver(sel)
	if !ok || sig == "" || !strings.HasPrefix(sig, "func(") {
		return false
	}
	start, end := r.off(sel.Pos()), r.off(sel.End())
	xs, xe := r.off(sel.X.Pos()), r.off(sel.X.End())
	r.composites = append(r.composites, composite{start: start, end: end, build: func() []srcEdit {
		return []srcEdit{{start, end, "func() " + sig + " { __gocell_r := " + recv(r.render(xs, xe)) + "; return __gocell_r." + sel.Sel.Name + " }()"}}
	}})
	return true
}
