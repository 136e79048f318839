package rewrite

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// A nil pointer converted to error. Go makes an error that is not nil (the
// classic "typed nil" surprise, which programs print to show it); yaegi
// makes a nil error. Where the syntax tells that a returned or declared
// error is a variable of a pointer type of the notebook, the conversion
// is written out:
//
//	return p   (p *MyErr, the result an error)
//	becomes
//	return func() error { if p == nil { return __gocellfix.NilError(p, "*main.MyErr", func() string { return p.Error() }) }; return p }()
func (r *rewriter) rewriteNilErrors(root ast.Node) {
	var walk func(n ast.Node, res []ast.Expr)
	walk = func(n ast.Node, res []ast.Expr) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncDecl:
				if x.Body != nil {
					walk(x.Body, resultTypes(x.Type))
				}
				return false
			case *ast.FuncLit:
				walk(x.Body, resultTypes(x.Type))
				return false
			case *ast.ReturnStmt:
				if len(x.Results) == len(res) {
					for i, e := range x.Results {
						if isIdentNamed(res[i], "error") {
							r.nilErrorAt(e)
						}
					}
				}
			case *ast.ValueSpec:
				if x.Type != nil && isIdentNamed(x.Type, "error") {
					for _, v := range x.Values {
						r.nilErrorAt(v)
					}
				}
			case *ast.AssignStmt:
				if x.Tok == token.ASSIGN && len(x.Lhs) == len(x.Rhs) {
					for i, l := range x.Lhs {
						if l, ok := l.(*ast.Ident); ok && r.isErrorVar(l) {
							r.nilErrorAt(x.Rhs[i])
						}
					}
				}
			case *ast.CallExpr:
				if isIdentNamed(x.Fun, "error") && len(x.Args) == 1 {
					r.nilErrorAt(x.Args[0])
				}
			}
			return true
		})
	}
	walk(root, nil)
}

// nilErrorAt writes out the conversion to error of e when e is a variable
// of a pointer type of the notebook.
func (r *rewriter) nilErrorAt(e ast.Expr) {
	id, ok := e.(*ast.Ident)
	if !ok {
		return
	}
	typ := r.pointerTypeOf(id)
	if typ == "" {
		return
	}
	p := id.Name
	r.replace(id, "func() error { if "+p+" == nil { return "+FixPkg+".NilError("+p+", "+strconv.Quote("*main."+typ)+
		", func() string { return "+p+".Error() }) }; return "+p+" }()")
}

// pointerTypeOf returns T when a variable declared in the chunk is a *T
// of a notebook type T, from its declaration's syntax.
func (r *rewriter) pointerTypeOf(id *ast.Ident) string {
	if id.Obj == nil {
		// A notebook variable: the type the facts recorded.
		if t := r.facts.VarTypeText(id.Name); len(t) > 1 && t[0] == '*' && r.facts.IsConcrete(t[1:]) {
			return t[1:]
		}
		return ""
	}
	if id.Obj.Kind != ast.Var {
		return ""
	}
	star := func(t ast.Expr) string {
		s, ok := t.(*ast.StarExpr)
		if !ok {
			return ""
		}
		n, ok := s.X.(*ast.Ident)
		if !ok || r.facts.TypeKind(n.Name) == names.KindUnknown {
			return ""
		}
		return n.Name
	}
	switch d := id.Obj.Decl.(type) {
	case *ast.Field:
		return star(d.Type)
	case *ast.ValueSpec:
		if d.Type != nil {
			return star(d.Type)
		}
	case *ast.AssignStmt:
		if d.Tok != token.DEFINE || len(d.Lhs) != len(d.Rhs) {
			return ""
		}
		for i, l := range d.Lhs {
			if l, ok := l.(*ast.Ident); ok && l.Name == id.Name {
				switch v := d.Rhs[i].(type) {
				case *ast.UnaryExpr:
					if cl, ok := v.X.(*ast.CompositeLit); ok && v.Op == token.AND {
						return star(&ast.StarExpr{X: cl.Type})
					}
				case *ast.CallExpr:
					if p, ok := v.Fun.(*ast.ParenExpr); ok && len(v.Args) == 1 && isIdentNamed(v.Args[0], "nil") {
						return star(p.X) // (*T)(nil)
					}
					if isIdentNamed(v.Fun, "new") && len(v.Args) == 1 {
						return star(&ast.StarExpr{X: v.Args[0]})
					}
				}
			}
		}
	}
	return ""
}

// isErrorVar reports whether a variable is declared of type error.
func (r *rewriter) isErrorVar(id *ast.Ident) bool {
	if id.Obj == nil {
		return r.facts.VarTypeText(id.Name) == "error"
	}
	switch d := id.Obj.Decl.(type) {
	case *ast.Field:
		return isIdentNamed(d.Type, "error")
	case *ast.ValueSpec:
		return d.Type != nil && isIdentNamed(d.Type, "error")
	}
	return false
}

// isErrorField reports whether v.F is a field of type error of a notebook
// struct, v a variable whose type (T or *T) the syntax or the facts tell.
func (r *rewriter) isErrorField(sel *ast.SelectorExpr) bool {
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return false
	}
	typ := r.writtenType(id)
	typ = strings.TrimPrefix(typ, "*")
	for _, f := range r.facts.StructFields(typ) {
		if f.Name == sel.Sel.Name {
			return f.Type == "error"
		}
	}
	return false
}

// resultTypes lists a function's result types, one per result.
func resultTypes(ft *ast.FuncType) []ast.Expr {
	if ft.Results == nil {
		return nil
	}
	var out []ast.Expr
	for _, f := range ft.Results.List {
		n := len(f.Names)
		if n == 0 {
			n = 1
		}
		for i := 0; i < n; i++ {
			out = append(out, f.Type)
		}
	}
	return out
}

// rewritePanics keeps the type of a notebook value a program panics with.
// yaegi panics with the bare struct, so a recovered InputError{...} was no
// error (r.(error) failed); held in a variable of type any first, it keeps
// its type and methods:
//
//	panic(InputError{f, s})  becomes  { var __gocell_p any = (InputError{f, s}); panic(__gocell_p) }
func (r *rewriter) rewritePanics(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		es, ok := n.(*ast.ExprStmt)
		if !ok {
			return true
		}
		call, ok := es.X.(*ast.CallExpr)
		if !ok || !isIdentNamed(call.Fun, "panic") || len(call.Args) != 1 {
			return true
		}
		arg := call.Args[0]
		lit := arg
		if u, ok := lit.(*ast.UnaryExpr); ok && u.Op == token.AND {
			lit = u.X
		}
		cl, ok := lit.(*ast.CompositeLit)
		if !ok {
			return true
		}
		id, ok := cl.Type.(*ast.Ident)
		if !ok || r.facts.TypeKind(id.Name) == names.KindUnknown {
			return true
		}
		start, end := r.off(es.Pos()), r.off(es.End())
		as, ae := r.off(arg.Pos()), r.off(arg.End())
		r.composites = append(r.composites, composite{start: start, end: end, build: func() []srcEdit {
			return []srcEdit{{start, end, "{ var __gocell_p any = (" + r.render(as, ae) + "); panic(__gocell_p) }"}}
		}})
		return true
	})
}
