package rewrite

// Notebook variables declared from generic calls, with the types the
// type check of generic calls (infer.go) tells.

import (
	"go/ast"
	"go/token"
	"strings"

	"github.com/gocell/gocell/interp/cell"
)

// typedDefine rewrites a cell-level x := f(...) (or var x = f(...)) of a
// generic f whose result types the check inferred into var x T; x =
// f[...](...): yaegi types a cell-level x := f(...) before it instantiates
// f, and fails. It reports whether it did.
func (r *rewriter) typedDefine(stmt ast.Stmt, lhs []ast.Expr, rhs ast.Expr) bool {
	if r.gen == nil {
		return false
	}
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok {
		return false
	}
	res, ok := r.gen.results[call]
	if !ok || len(res) != len(lhs) {
		return false
	}
	if r.kind == cell.Stmts && len(lhs) == 1 && len(nestedInstancesIn(res[0])) > 0 {
		// A type yaegi needs an alias for, which a cell's statements
		// (compiled as a block) cannot declare: the session declares the
		// variable at package level (runGenericDefine).
		id, ok := lhs[0].(*ast.Ident)
		if !ok || id.Name == "_" {
			return false
		}
		// Only the first failure is the chunk's: a later one must not
		// give its type to the first one's variable.
		first := r.err == nil
		r.failGeneric(stmt, rhs, id.Name)
		if e, ok := r.err.(*Error); ok && first && e.Define != nil {
			e.Define.Type = res[0]
			r.facts.SetVarTypeText(id.Name, res[0])
			r.facts.SetVarType(id.Name, r.gen.named[call][0])
		}
		return true
	}
	var decl, targets []string
	for i, l := range lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			return false
		}
		targets = append(targets, id.Name)
		if id.Name == "_" {
			continue
		}
		decl = append(decl, "var "+id.Name+" "+r.aliasText(stmt.Pos(), res[i])+"; ")
		r.facts.SetVarTypeText(id.Name, res[i])
		r.facts.SetVarType(id.Name, r.gen.named[call][i])
	}
	stmtStart, stmtEnd := r.off(stmt.Pos()), r.off(stmt.End())
	rhsStart := r.off(rhs.Pos())
	r.composites = append(r.composites, composite{start: stmtStart, end: stmtEnd, prio: 3, build: func() []srcEdit {
		text := strings.Join(decl, "") + strings.Join(targets, ", ") + " = " + r.render(rhsStart, stmtEnd)
		return []srcEdit{{stmtStart, stmtEnd, text}}
	}})
	return true
}

// genericResultName returns how %T prints variable x declared by
// lhs := call, a generic call with several results, or "".
func (r *rewriter) genericResultName(lhs []ast.Expr, rhs ast.Expr, x *ast.Ident) string {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || r.gen == nil || len(r.gen.named[call]) != len(lhs) {
		return ""
	}
	for i, l := range lhs {
		if id, ok := l.(*ast.Ident); ok && id.Obj == x.Obj && id != x {
			return r.gen.named[call][i]
		}
	}
	return ""
}

// noteVarDecls records, for each variable a statements chunk declares at
// its top level whose type the syntax does not tell, its declaration as a
// package-level var declaration: a later chunk's type check of generic
// calls learns the variable's type from it (words := strings.Fields(s)).
func (r *rewriter) noteVarDecls() {
	for _, s := range r.body {
		var lhs []*ast.Ident
		decl := ""
		switch s := s.(type) {
		case *ast.AssignStmt:
			if s.Tok != token.DEFINE {
				continue
			}
			for _, l := range s.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					lhs = append(lhs, id)
				}
			}
			decl = "var " + r.src(s.Lhs[0])
			for _, l := range s.Lhs[1:] {
				decl += ", " + r.src(l)
			}
			decl += " = " + r.text[r.off(s.Rhs[0].Pos()):r.off(s.Rhs[len(s.Rhs)-1].End())]
		case *ast.DeclStmt:
			g, ok := s.Decl.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR || len(g.Specs) != 1 {
				continue
			}
			vs := g.Specs[0].(*ast.ValueSpec)
			if vs.Type != nil || len(vs.Values) == 0 {
				continue
			}
			lhs = vs.Names
			decl = "var " + r.src(vs)
		default:
			continue
		}
		for _, id := range lhs {
			if id.Name == "_" {
				continue
			}
			if r.facts.VarTypeText(id.Name) != "" {
				r.facts.SetVarDecl(id.Name, "")
			} else {
				r.facts.SetVarDecl(id.Name, decl)
			}
		}
	}
}

// noteDefinedTypes records how %T prints the notebook variables a
// statements chunk declares at its top level, where the check knows their
// type: top, ok := st.Pop() of a Stack[Pair[string, int]].
func (r *rewriter) noteDefinedTypes() {
	if r.kind != cell.Stmts {
		return
	}
	for _, s := range r.body {
		var ids []*ast.Ident
		switch s := s.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				for _, l := range s.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						ids = append(ids, id)
					}
				}
			}
		case *ast.DeclStmt:
			if g, ok := s.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, sp := range g.Specs {
					ids = append(ids, sp.(*ast.ValueSpec).Names...)
				}
			}
		}
		for _, id := range ids {
			if obj := r.gen.info.Defs[id]; obj != nil && id.Name != "_" {
				if t := percentT(obj.Type(), r.gen.pkg); t != "" {
					r.facts.SetVarType(id.Name, t)
				}
			}
		}
	}
}

// wrapTupleVars rewrites package-level var a, b = f(...) of a generic f,
// which yaegi fails to compile, into var a, b = func() (A, B) { return
// f[...](...) }().
func (r *rewriter) wrapTupleVars() {
	for _, d := range r.decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, sp := range g.Specs {
			vs := sp.(*ast.ValueSpec)
			if len(vs.Names) < 2 || len(vs.Values) != 1 {
				continue
			}
			call, ok := ast.Unparen(vs.Values[0]).(*ast.CallExpr)
			res := r.gen.results[call]
			if !ok || len(res) != len(vs.Names) {
				continue
			}
			var typs []string
			for _, t := range res {
				typs = append(typs, r.aliasText(call.Pos(), t))
			}
			cs, ce := r.off(call.Pos()), r.off(call.End())
			r.composites = append(r.composites, composite{start: cs, end: ce, prio: 0, build: func() []srcEdit {
				return []srcEdit{{cs, ce, "func() (" + strings.Join(typs, ", ") + ") { return " + r.render(cs, ce) + " }()"}}
			}})
		}
	}
}
