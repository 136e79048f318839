package names

import (
	"go/ast"
	"go/parser"
	"go/token"
)

// VarHint returns the static type of notebook variable name where the
// source that declared it shows one (var x T, x := T{...}), or "", and
// whether name is a variable a statement declared.
func (r *Registry) VarHint(name string) (typ string, ok bool) {
	n := r.n()
	n.mu.Lock()
	defer n.mu.Unlock()
	typ, ok = n.hints[name]
	return typ, ok
}

func (r *Registry) setHint(name, typ string) {
	n := r.n()
	n.mu.Lock()
	defer n.mu.Unlock()
	n.hints[name] = typ
}

// NoteVarHints remembers the static types of the variables a statement
// chunk declares, where the source shows them: var x T, x := T{...},
// x := &T{...}, x := T(v), x := f() with f a notebook function. A rebuild
// declares the variable with that type; otherwise it writes the type from
// the value, which loses named non-struct types (type Celsius float64).
// It returns the names of the variables.
func (r *Registry) NoteVarHints(text string) (names []string) {
	const head = "package main\nfunc _() {\n"
	f, err := parser.ParseFile(token.NewFileSet(), "", head+text+"\n}\n", 0)
	if err != nil {
		return nil
	}
	for _, st := range f.Decls[0].(*ast.FuncDecl).Body.List {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok != token.DEFINE {
				continue
			}
			for i, lhs := range st.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok || id.Name == "_" {
					continue
				}
				r.setHint(id.Name, r.hintFor(st.Rhs, i, len(st.Lhs)))
				names = append(names, id.Name)
			}
		case *ast.DeclStmt:
			gd, ok := st.Decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if n.Name == "_" {
						continue
					}
					if vs.Type != nil {
						r.setHint(n.Name, ExprString(vs.Type))
					} else {
						r.setHint(n.Name, r.hintFor(vs.Values, i, len(vs.Names)))
					}
					names = append(names, n.Name)
				}
			}
		}
	}
	return names
}

// hintFor returns the static type of the i-th of n values that rhs
// produces, when the source shows it, or "".
func (r *Registry) hintFor(rhs []ast.Expr, i, n int) string {
	if len(rhs) == n {
		switch e := rhs[i].(type) {
		case *ast.CompositeLit:
			if e.Type != nil {
				return ExprString(e.Type)
			}
		case *ast.UnaryExpr:
			if cl, ok := e.X.(*ast.CompositeLit); ok && e.Op == token.AND && cl.Type != nil {
				return "*" + ExprString(cl.Type)
			}
		case *ast.CallExpr:
			if id, ok := e.Fun.(*ast.Ident); ok {
				if d := r.Lookup(id.Name); d != nil && d.Kind == "type" {
					return id.Name // a conversion: T(v)
				}
				return r.resultType(id.Name, 0)
			}
		}
		return ""
	}
	if len(rhs) == 1 {
		if call, ok := rhs[0].(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok {
				return r.resultType(id.Name, i)
			}
		}
	}
	return ""
}

// resultType returns the type of the i-th result of notebook function fn.
func (r *Registry) resultType(fn string, i int) string {
	d := r.Lookup(fn)
	if d == nil || d.Kind != "func" {
		return ""
	}
	f, err := parser.ParseFile(token.NewFileSet(), "", "package main\n"+d.Canonical, 0)
	if err != nil || len(f.Decls) == 0 {
		return ""
	}
	fd, ok := f.Decls[0].(*ast.FuncDecl)
	if !ok || fd.Type.Results == nil || fd.Type.TypeParams != nil {
		return ""
	}
	var types []string
	for _, field := range fd.Type.Results.List {
		k := len(field.Names)
		if k == 0 {
			k = 1
		}
		for j := 0; j < k; j++ {
			types = append(types, ExprString(field.Type))
		}
	}
	if i < len(types) {
		return types[i]
	}
	return ""
}
