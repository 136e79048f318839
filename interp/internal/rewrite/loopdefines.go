package rewrite

import (
	"go/ast"
	"go/token"

	"github.com/gocell/gocell/interp/cell"
)

// Variables declared in a loop body by a comma-ok declaration, captured by
// a closure or a pointer.
//
// In a function, yaegi v0.16.1 declares v, ok := m[k], v, ok := x.(T) and
// v, ok := <-ch by writing into the variables' slots in place, so each iteration of a loop reuses one
// variable: closures and pointers made in different iterations all see
// the last value (a single := makes a new variable each time, as Go does).
// Where such a variable is captured, the declaration gets a temporary and
// the variable is declared from it:
//
//	v, ok := <-jobs    becomes    __gocell_cv1, ok := <-jobs; v := __gocell_cv1
//
// Outside functions the comma-ok rewrite of toplevel.go already declares
// the variables afresh.

// loopDefines rewrites such declarations in the loops of function bodies.
func (r *rewriter) loopDefines() {
	ast.Inspect(r.file, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncDecl:
			if x.Body != nil {
				r.loopDefinesIn(x.Body, nil)
			}
		case *ast.FuncLit:
			r.loopDefinesIn(x.Body, nil)
		}
		return true
	})
}

// loopDefinesIn walks the statement lists of a function body, outside
// function literals (the walk above reaches those), with the innermost
// enclosing loop's body.
func (r *rewriter) loopDefinesIn(n ast.Node, loop *ast.BlockStmt) {
	list := func(stmts []ast.Stmt, loop *ast.BlockStmt) {
		for _, st := range stmts {
			if a, ok := st.(*ast.AssignStmt); ok && loop != nil {
				r.loopDefine(a, loop)
			}
			r.loopDefinesIn(st, loop)
		}
	}
	ast.Inspect(n, func(node ast.Node) bool {
		switch x := node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if x != n {
				r.loopDefinesIn(x.Body, x.Body)
				return false
			}
		case *ast.RangeStmt:
			if x != n {
				r.loopDefinesIn(x.Body, x.Body)
				return false
			}
		case *ast.BlockStmt:
			if x != n || loop != nil {
				list(x.List, loop)
				return false
			}
		case *ast.CaseClause:
			list(x.Body, loop)
			return false
		case *ast.CommClause:
			list(x.Body, loop)
			return false
		}
		return true
	})
}

// loopDefine rewrites one declaration if a variable it declares is
// captured in the loop's body.
func (r *rewriter) loopDefine(a *ast.AssignStmt, loop *ast.BlockStmt) {
	if a.Tok != token.DEFINE || len(a.Lhs) < 2 || len(a.Rhs) != 1 {
		return
	}
	switch rhs := ast.Unparen(a.Rhs[0]).(type) {
	case *ast.IndexExpr, *ast.TypeAssertExpr:
	case *ast.UnaryExpr:
		if rhs.Op != token.ARROW {
			return
		}
	default:
		return
	}
	// A statements chunk is parsed inside a function of its own: its top
	// level is a cell's, where toplevel.go declares comma-ok variables
	// afresh.
	if r.kind == cell.Stmts && r.enclosingFunc(a) == nil {
		return
	}
	var after string
	for _, l := range a.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok || id.Name == "_" || id.Obj == nil || id.Obj.Decl != a || !captures(loop, id.Obj) {
			continue
		}
		tmp := r.name("cv")
		r.replace(id, tmp)
		after += "; " + id.Name + " := " + tmp
	}
	if after != "" {
		r.insert(a.End(), after)
	}
}

// enclosingFunc returns the function literal a node is in, in a statements
// chunk, or nil at the chunk's top level.
func (r *rewriter) enclosingFunc(n ast.Node) *ast.FuncLit {
	var found *ast.FuncLit
	ast.Inspect(r.file, func(x ast.Node) bool {
		if x == nil || found != nil {
			return false
		}
		if x.Pos() > n.Pos() || x.End() < n.End() {
			return false
		}
		if lit, ok := x.(*ast.FuncLit); ok {
			found = lit
			// Look for a nearer one inside.
			ast.Inspect(lit.Body, func(y ast.Node) bool {
				if y == nil || y.Pos() > n.Pos() || y.End() < n.End() {
					return false
				}
				if inner, ok := y.(*ast.FuncLit); ok {
					found = inner
				}
				return true
			})
			return false
		}
		return true
	})
	return found
}
