package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"

	"github.com/gocell/gocell/interp/internal/names"
)

// The types of printed expressions, as the syntax tells them.

// isInterfaceType reports whether a name is a notebook interface type.
func (r *rewriter) isInterfaceType(name string) bool {
	return r.facts.TypeKind(name) != names.KindUnknown && !r.facts.IsConcrete(name) && r.facts.StructFields(name) == nil
}

// typeExprOf returns the type of an expression as the syntax tells it,
// from composite literals, make, conversions to notebook types, slicing
// and the declarations of the chunk's variables, or nil.
func (r *rewriter) typeExprOf(e ast.Expr, depth int) ast.Expr {
	if depth > 8 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return x.Type
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Obj == nil && id.Name == "make" && len(x.Args) > 0 {
			return x.Args[0]
		}
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) == 1 {
			if r.facts.TypeKind(id.Name) != names.KindUnknown && r.staticTypeName(id, false) != "" {
				return id // a conversion T(x)
			}
		}
	case *ast.SliceExpr:
		if t := r.typeExprOf(x.X, depth+1); t != nil {
			if a, ok := t.(*ast.ArrayType); ok {
				return &ast.ArrayType{Lbrack: a.Lbrack, Elt: a.Elt}
			}
		}
	case *ast.IndexExpr:
		if t := r.typeExprOf(x.X, depth+1); t != nil {
			switch c := t.(type) {
			case *ast.ArrayType:
				return c.Elt
			case *ast.MapType:
				return c.Value
			}
		}
	case *ast.Ident:
		if x.Obj == nil {
			if t := r.facts.VarTypeText(x.Name); t != "" {
				if e, err := parser.ParseExpr(t); err == nil {
					return e
				}
			}
			return nil
		}
		switch d := x.Obj.Decl.(type) {
		case *ast.ValueSpec:
			if d.Type != nil {
				return d.Type
			}
			for i, n := range d.Names {
				if n.Obj == x.Obj && i < len(d.Values) && len(d.Values) == len(d.Names) {
					return r.typeExprOf(d.Values[i], depth+1)
				}
			}
		case *ast.Field:
			return d.Type
		case *ast.AssignStmt:
			if d.Tok != token.DEFINE || len(d.Lhs) != len(d.Rhs) {
				return nil
			}
			for i, l := range d.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Obj == x.Obj && id != x {
					return r.typeExprOf(d.Rhs[i], depth+1)
				}
			}
		}
	}
	return nil
}

// noteStructFields records the fields of a struct type declaration.
func (r *rewriter) noteStructFields(s *ast.TypeSpec) {
	st, ok := s.Type.(*ast.StructType)
	if !ok || s.TypeParams != nil || s.Name.Name == "_" {
		r.facts.SetStructFields(s.Name.Name, nil)
		return
	}
	var fields []names.Field
	for _, f := range st.Fields.List {
		typ := names.ExprString(f.Type)
		if len(f.Names) == 0 {
			n := f.Type
			if p, ok := n.(*ast.StarExpr); ok {
				n = p.X
			}
			id, ok := n.(*ast.Ident)
			if !ok {
				r.facts.SetStructFields(s.Name.Name, nil)
				return
			}
			fields = append(fields, names.Field{Name: id.Name, Type: typ})
			continue
		}
		for _, n := range f.Names {
			fields = append(fields, names.Field{Name: n.Name, Type: typ})
		}
	}
	r.facts.SetStructFields(s.Name.Name, fields)
}

// noteTypeText records the type of a notebook variable declared with type
// typ or from value, for printing it later.
func (r *rewriter) noteTypeText(name string, typ, value ast.Expr) {
	if name == "_" {
		return
	}
	if typ == nil && value != nil {
		typ = r.typeExprOf(value, 0)
	}
	text := ""
	if typ != nil {
		text = names.ExprString(typ)
	}
	r.facts.SetVarTypeText(name, text)
}
