package rewrite

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// %#v of notebook values: yaegi's struct types are anonymous and its
// named non-struct types have their underlying type, so fmt printed
// struct { X int; Y int }{X:1, Y:2} for main.Vertex{X:1, Y:2}. An argument
// printed with %#v (and not shown through its methods, printargs.go)
// passes through __gocellfix.GoSyntax, which names the notebook's struct
// types, and the argument's outer type when the syntax tells it:
//
//	fmt.Printf("%#v", v)  becomes  fmt.Printf("%#v", __gocellfix.GoSyntax("main.Vertex", v))

// goSyntaxArgs returns the indexes of the value arguments a format
// literal prints with %#v, or nil when it uses argument indexes or *.
func goSyntaxArgs(format string) map[int]bool {
	var out map[int]bool
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		sharp := false
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			sharp = sharp || format[i] == '#'
			i++
		}
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '.') {
			i++
		}
		if i >= len(format) {
			break
		}
		switch format[i] {
		case '%':
			continue
		case '[', '*':
			return nil
		case 'v':
			if sharp {
				if out == nil {
					out = map[int]bool{}
				}
				out[arg] = true
			}
		}
		arg++
	}
	return out
}

// goSyntaxArg wraps argument a, printed with %#v, in a composite of
// priority prio.
func (r *rewriter) goSyntaxArg(a ast.Expr, prio int) {
	switch x := a.(type) {
	case *ast.BasicLit:
		return
	case *ast.Ident:
		if x.Name == "nil" && x.Obj == nil {
			return
		}
	}
	typ := r.goSyntaxType(a)
	if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND && typ == "" {
		if t := r.goSyntaxType(u.X); t != "" {
			typ = "*" + t
		}
	}
	start, end := r.off(a.Pos()), r.off(a.End())
	pre := FixPkg + ".GoSyntax(" + strconv.Quote(typ) + ", "
	r.composites = append(r.composites, composite{start: start, end: end, prio: prio, build: func() []srcEdit {
		return []srcEdit{{start, end, pre + r.render(start, end) + ")"}}
	}})
}

// goSyntaxType returns the Go type of an expression as %#v prints it,
// when the syntax tells it and it names a notebook type, or "".
func (r *rewriter) goSyntaxType(a ast.Expr) string {
	if t := r.typeExprOf(a, 0); t != nil {
		if typ := r.goTypeText(t, 0); typ != "" {
			return typ
		}
	}
	return r.staticTypeOf(a, 0)
}

// goTypeText prints a type expression as %#v prints the type, notebook
// types qualified by main; "" when it names no notebook type (fmt prints
// it right) or is beyond this.
func (r *rewriter) goTypeText(t ast.Expr, depth int) string {
	if depth > 8 {
		return ""
	}
	text, notebook := r.typeText(t, depth)
	if !notebook {
		return ""
	}
	return text
}

func (r *rewriter) typeText(t ast.Expr, depth int) (string, bool) {
	if depth > 8 {
		return "", false
	}
	switch x := t.(type) {
	case *ast.Ident:
		if r.staticTypeName(x, false) != "" {
			return "main." + x.Name, true
		}
		if x.Obj != nil {
			return "", false
		}
		return x.Name, false
	case *ast.SelectorExpr:
		if p, ok := x.X.(*ast.Ident); ok {
			return p.Name + "." + x.Sel.Name, false
		}
	case *ast.StarExpr:
		s, nb := r.typeText(x.X, depth+1)
		return "*" + s, nb && s != ""
	case *ast.ArrayType:
		s, nb := r.typeText(x.Elt, depth+1)
		if s == "" {
			return "", false
		}
		if x.Len == nil {
			return "[]" + s, nb
		}
		if l, ok := x.Len.(*ast.BasicLit); ok {
			return "[" + l.Value + "]" + s, nb
		}
	case *ast.MapType:
		k, nk := r.typeText(x.Key, depth+1)
		v, nv := r.typeText(x.Value, depth+1)
		if k == "" || v == "" {
			return "", false
		}
		return "map[" + k + "]" + v, nk || nv
	}
	return "", false
}
