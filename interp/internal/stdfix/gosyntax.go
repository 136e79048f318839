package stdfix

import (
	"fmt"
	"go/ast"
	"go/parser"
	"reflect"
	"strings"
)

// %#v of notebook values without methods: yaegi's reflect types of the
// notebook's struct types are anonymous (struct { X int; Y int }{X:1, Y:2}
// for main.Vertex{X:1, Y:2}), and a named non-struct type has its
// underlying type ([]int{0, 1} for []main.Color{0, 1}). The rewrite passes
// an argument printed with %#v through fixGoSyntax, with the Go type of
// the argument when its syntax tells it.

// goSyntaxArg prints its value as fmt does, naming the notebook's struct
// types with %#v, and its outer type typ when that is known.
type goSyntaxArg struct {
	typ string
	v   any
}

func (g goSyntaxArg) Format(f fmt.State, verb rune) {
	spec := formatSpec(f, verb)
	if verb != 'v' || !f.Flag('#') || g.v == nil {
		fmt.Fprintf(f, spec, g.v)
		return
	}
	v := reflect.ValueOf(g.v)
	s := goSyntax(spec, v)
	if g.typ != "" {
		// The struct types the static type names, where several notebook
		// types share a layout (goSyntax could not tell which).
		if e, err := parser.ParseExpr(g.typ); err == nil {
			for _, p := range staticStructNames(e, v.Type(), nil, 0) {
				s = strings.ReplaceAll(s, p[0], p[1])
			}
		}
		// The outer type as fmt printed it (struct names already
		// replaced): the notebook's name for it instead.
		rt := namedTypeString(v.Type(), 0)
		if v.Kind() == reflect.Pointer && strings.HasPrefix(g.typ, "*") && strings.HasPrefix(s, "&") {
			rt, s = rt[1:], s[1:] // &T{...}
			g.typ = g.typ[1:]
			fmt.Fprint(f, "&")
		}
		if strings.HasPrefix(s, rt) && (len(s) == len(rt) || strings.ContainsRune("{(", rune(s[len(rt)]))) {
			s = g.typ + s[len(rt):]
		}
	}
	fmt.Fprint(f, s)
}

// fixGoSyntax wraps a value printed with %#v; typ is its Go type, or "".
func fixGoSyntax(typ string, v any) any {
	if _, ok := v.(fmt.Formatter); ok {
		return v // shown through its methods (show.go)
	}
	v = unwrapInterp(v)
	if v == nil {
		return nil
	}
	return goSyntaxArg{typ, v}
}

// staticStructNames pairs the anonymous struct types in t (a runtime type)
// with the notebook names the static type e gives them.
func staticStructNames(e ast.Expr, t reflect.Type, out [][2]string, depth int) [][2]string {
	if depth > 10 {
		return out
	}
	switch x := e.(type) {
	case *ast.StarExpr:
		if t.Kind() == reflect.Pointer {
			return staticStructNames(x.X, t.Elem(), out, depth+1)
		}
	case *ast.ArrayType:
		if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			return staticStructNames(x.Elt, t.Elem(), out, depth+1)
		}
	case *ast.MapType:
		if t.Kind() == reflect.Map {
			out = staticStructNames(x.Key, t.Key(), out, depth+1)
			return staticStructNames(x.Value, t.Elem(), out, depth+1)
		}
	case *ast.SelectorExpr:
		if p, ok := x.X.(*ast.Ident); ok && p.Name == "main" && t.Kind() == reflect.Struct && t.Name() == "" {
			return append(out, [2]string{t.String(), "main." + x.Sel.Name})
		}
	}
	return out
}
