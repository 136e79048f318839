package rewrite

import (
	"go/ast"
	"go/token"
)

// Composite literals stored in notebook interface variables at a cell's
// top level.
//
// At the top level of a cell (yaegi's global scope), a composite literal of
// a map or slice type with methods, assigned to a variable of a notebook
// interface type, is written into the variable's slot as it is, and yaegi
// panics ("reflect.Set: value of type map[string]int is not assignable to
// type interp.valueInterface"):
//
//	var a Abser = Inventory{"apples": 3}    becomes    var a Abser = (Inventory{"apples": 3})
//	a = Deck{"A", "K"}                      becomes    a = (Deck{"A", "K"})
//
// A parenthesized literal is compiled as an expression whose value is
// converted to the interface, as Go means. (A conversion Abser(...) works
// too, but yaegi then reports Abser as the value's dynamic type.) The var
// declarations are parenthesized by asserts.go (parenLiterals), in every
// scope; this covers assignments to notebook interface variables.

// interfaceLiterals rewrites the top-level statements of a statements
// chunk, and those in their blocks, outside function literals.
func (r *rewriter) interfaceLiterals() {
	for _, st := range r.body {
		ast.Inspect(st, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.AssignStmt:
				if x.Tok != token.ASSIGN || len(x.Lhs) != len(x.Rhs) {
					return true
				}
				for i, l := range x.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						if r.namesInterface(r.varType(id)) {
							r.parenLiteral(x.Rhs[i])
						}
					}
				}
			}
			return true
		})
	}
}

// parenLiteral parenthesizes v, assigned to a variable of a notebook
// interface type, if it is a composite literal of a named type.
func (r *rewriter) parenLiteral(v ast.Expr) {
	lit, ok := ast.Unparen(v).(*ast.CompositeLit)
	if !ok || lit.Type == nil {
		return
	}
	if _, named := lit.Type.(*ast.Ident); !named {
		return
	}
	r.insert(v.Pos(), "(")
	r.insert(v.End(), ")")
}

// namesInterface reports whether typ names a notebook interface type.
func (r *rewriter) namesInterface(typ ast.Expr) bool {
	id, ok := typ.(*ast.Ident)
	return ok && r.isInterfaceType(id.Name)
}

// varType is the declared type of a variable: from its declaration in the
// chunk, or for a notebook variable from the cell that declared it.
func (r *rewriter) varType(id *ast.Ident) ast.Expr {
	if id.Obj == nil {
		if text := r.facts.VarTypeText(id.Name); text != "" {
			return &ast.Ident{Name: text}
		}
		return nil
	}
	if vs, ok := id.Obj.Decl.(*ast.ValueSpec); ok {
		return vs.Type
	}
	return nil
}
