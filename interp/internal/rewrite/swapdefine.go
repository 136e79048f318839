package rewrite

import (
	"go/ast"
	"go/token"
)

// Declarations at a cell's top level whose values read the notebook
// variables they declare again.
//
// x := x + 1 in a later cell than x := 5 (or a, b := b, a of two notebook
// variables) declares the notebook variables again; yaegi makes the new
// variables before it evaluates the values, which then read them empty:
// x is 1, a and b both "". The notebook meant the variable's next value,
// which Go would give in main (a new x from the old one). When every name
// declared is a notebook variable already, the declaration becomes an
// assignment, of the same value:
//
//	x := x + 1  becomes  x = x + 1
//
// With a new variable among them (x, err := f(x)), the cell stops with an
// error naming the construct and a way out.
func (r *rewriter) selfReadingDefines() {
	earlier := map[string]bool{} // declared by the chunk before
	for _, s := range r.body {
		a, ok := s.(*ast.AssignStmt)
		if !ok || a.Tok != token.DEFINE {
			for _, id := range declaredIdents(s) {
				earlier[id.Name] = true
			}
			continue
		}
		before := make(map[string]bool, len(earlier))
		for k := range earlier {
			before[k] = true
		}
		for _, id := range declaredIdents(s) {
			earlier[id.Name] = true
		}
		declared := map[string]bool{}
		var fresh []string
		for _, l := range a.Lhs {
			id, ok := l.(*ast.Ident)
			if !ok || id.Name == "_" {
				continue
			}
			declared[id.Name] = true
			if !before[id.Name] && !r.notebookVar(id.Name) {
				fresh = append(fresh, id.Name)
			}
		}
		var read *ast.Ident
		for _, v := range a.Rhs {
			ast.Inspect(v, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok {
					return false // runs later, if at all
				}
				if sel, ok := n.(*ast.SelectorExpr); ok {
					ast.Inspect(sel.X, func(n ast.Node) bool {
						if id, ok := n.(*ast.Ident); ok && read == nil && declared[id.Name] && (id.Obj == nil || id.Obj.Decl != a) && (before[id.Name] || r.notebookVar(id.Name)) {
							read = id
						}
						return read == nil
					})
					return false
				}
				if id, ok := n.(*ast.Ident); ok && read == nil && declared[id.Name] && (id.Obj == nil || id.Obj.Decl != a) && (before[id.Name] || r.notebookVar(id.Name)) {
					read = id
				}
				return read == nil
			})
		}
		if read == nil {
			continue
		}
		if len(fresh) > 0 && before[read.Name] {
			continue // a variable of this chunk: yaegi reads it right
		}
		if len(fresh) > 0 {
			r.fail(a, "%s := ... reads the notebook variable %s it declares again, which the interpreter cannot do together with the new variable %s: "+
				"declare %s first (var %s T) and assign with =, or give the new value another name",
				read.Name, read.Name, fresh[0], fresh[0], fresh[0])
			return
		}
		o := r.off(a.TokPos)
		r.edits = append(r.edits, srcEdit{o, o + 2, "= "})
	}
}

// notebookVar reports whether name is a variable of the notebook declared
// by an earlier cell (not a constant).
func (r *rewriter) notebookVar(name string) bool {
	if !r.facts.HasVar(name) {
		return false
	}
	if r.reg != nil {
		if d := r.reg.Lookup(name); d != nil && d.Kind != "var" {
			return false
		}
	}
	return true
}
