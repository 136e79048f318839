package rewrite

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// %T of a composite literal of an anonymous struct type with fields of
// notebook types: yaegi's reflect type names the fields' underlying types
// (struct { A int }), Go names the notebook types (struct { A main.ID }).
// The syntax tells the type, written as reflect writes it.

// basicTypeNames are the predeclared types %T prints under their names.
var basicTypeNames = map[string]bool{
	"bool": true, "string": true, "int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
	"float32": true, "float64": true, "complex64": true, "complex128": true, "error": true,
}

// structLitType returns how %T prints a composite literal of an anonymous
// struct type that has a field of a notebook type, or "".
func (r *rewriter) structLitType(st *ast.StructType) string {
	s := r.reflectTypeText(st, 0)
	if !strings.Contains(s, "main.") {
		return ""
	}
	return s
}

// anonStructLitType returns how %T prints a composite literal of an
// anonymous struct type whose fields are all of predeclared types, or "".
// The value alone cannot tell: yaegi's notebook struct types have no names,
// and one declared with the same fields would be named instead.
func (r *rewriter) anonStructLitType(e ast.Expr) string {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return ""
	}
	st, ok := lit.Type.(*ast.StructType)
	if !ok {
		return ""
	}
	return r.reflectTypeText(st, 0)
}

// reflectTypeText writes a type expression as reflect writes the type, or ""
// where it cannot tell.
func (r *rewriter) reflectTypeText(e ast.Expr, depth int) string {
	if depth > 8 {
		return ""
	}
	sub := func(e ast.Expr) string { return r.reflectTypeText(e, depth+1) }
	switch x := e.(type) {
	case *ast.ParenExpr:
		return sub(x.X)
	case *ast.Ident:
		if n := r.staticTypeName(x, false); n != "" {
			return n
		}
		switch {
		case x.Obj != nil || r.facts.TypeKind(x.Name) != names.KindUnknown:
			return ""
		case x.Name == "byte":
			return "uint8"
		case x.Name == "rune":
			return "int32"
		case x.Name == "any":
			return "interface {}"
		case basicTypeNames[x.Name]:
			return x.Name
		}
	case *ast.StarExpr:
		if t := sub(x.X); t != "" {
			return "*" + t
		}
	case *ast.ArrayType:
		t := sub(x.Elt)
		if t == "" {
			return ""
		}
		if x.Len == nil {
			return "[]" + t
		}
		if l, ok := x.Len.(*ast.BasicLit); ok && l.Kind == token.INT {
			if n, err := strconv.ParseInt(l.Value, 0, 64); err == nil {
				return "[" + strconv.FormatInt(n, 10) + "]" + t
			}
		}
	case *ast.MapType:
		k, v := sub(x.Key), sub(x.Value)
		if k != "" && v != "" {
			return "map[" + k + "]" + v
		}
	case *ast.InterfaceType:
		if x.Methods == nil || len(x.Methods.List) == 0 {
			return "interface {}"
		}
	case *ast.StructType:
		var fields []string
		for _, f := range x.Fields.List {
			t := sub(f.Type)
			if t == "" {
				return ""
			}
			tag := ""
			if f.Tag != nil {
				v, err := strconv.Unquote(f.Tag.Value)
				if err != nil {
					return ""
				}
				tag = " " + strconv.Quote(v)
			}
			if len(f.Names) == 0 {
				fields = append(fields, t+tag)
				continue
			}
			for _, n := range f.Names {
				fields = append(fields, n.Name+" "+t+tag)
			}
		}
		if len(fields) == 0 {
			return "struct {}"
		}
		return "struct { " + strings.Join(fields, "; ") + " }"
	}
	return ""
}
