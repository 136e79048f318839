package bundled

import (
	"go/ast"
	"reflect"
	"strconv"
)

// yaegi v0.16.1 passes a notebook value to a variadic interface parameter of
// a compiled function unwrapped: it looks for the interface wrapper of the
// parameter's slice type, []plot.Plotter, where it should use the element
// type, so reflect refuses the call ("cannot use struct {...} as type
// plot.Plotter in Call"). A value first stored in a variable of the
// interface type, or passed as []plot.Plotter{v}..., is wrapped correctly.
//
// For package-level functions the interpreter consults MapTypes under the
// function's own value: listing the element interface there makes it wrap
// each argument (addVariadicFuncs). Methods of compiled types are found
// through reflection, not the symbol table, so no table entry reaches them;
// RewriteVariadicCalls rewrites those calls in a cell's syntax instead.

// addVariadicFuncs registers in mt, for every function of syms whose
// variadic parameter is a named, non-empty interface with a wrapper, that
// interface as the type to wrap arguments into.
func addVariadicFuncs(mt map[reflect.Value][]reflect.Type, syms map[string]map[string]reflect.Value) {
	for _, pkg := range syms {
		for _, v := range pkg {
			if v.Kind() != reflect.Func || !v.Type().IsVariadic() {
				continue
			}
			t := v.Type()
			elem := t.In(t.NumIn() - 1).Elem()
			if elem.Kind() != reflect.Interface || elem.NumMethod() == 0 || elem.Name() == "" {
				continue
			}
			mt[v] = []reflect.Type{elem}
		}
	}
}

// A VariadicMethod is a method of a bundled type whose variadic parameter
// is an interface that notebook types implement.
type VariadicMethod struct {
	Recv  string // receiver type, "*plot.Plot"
	Name  string // method name, "Add"
	Fixed int    // number of parameters before the variadic one
	Pkg   string // import path of the element interface, "gonum.org/v1/plot"
	Elem  string // the element interface's name, "Plotter"
	Hint  string // a selector that names the receiver in usual code, "Legend"; empty when none
}

// VariadicMethods lists the methods RewriteVariadicCalls knows. They are the
// bundled methods with a variadic parameter of a non-empty interface type
// (bundled_test checks the list against the symbol tables). Methods whose
// element interface notebook types do not implement in practice
// (mat.Matrix, of Dense.Product) are left out.
var VariadicMethods = []VariadicMethod{
	{Recv: "*plot.Legend", Name: "Add", Fixed: 1, Pkg: "gonum.org/v1/plot", Elem: "Thumbnailer", Hint: "Legend"},
	{Recv: "*plot.Plot", Name: "Add", Fixed: 0, Pkg: "gonum.org/v1/plot", Elem: "Plotter"},
}

// RewriteVariadicCalls rewrites, in f, calls of the methods in
// VariadicMethods so that a notebook value passed in their variadic
// position reaches the compiled method wrapped: p.Add(a, b) becomes
// p.Add([]plot.Plotter{a, b}...). It returns the number of calls rewritten.
//
// The rewrite is syntactic: a call is rewritten when its method name
// matches and f imports the element interface's package (under the name
// the rewrite then uses). The receiver's type is not known, so when two
// methods share a name, the one whose Hint names the receiver's last
// selector wins (p.Legend.Add), otherwise the one with the hint "". A
// method of another type with the same name may thereby receive a slice
// it does not accept; the cell then fails to compile, and the caller must
// compile the cell's original text instead.
func RewriteVariadicCalls(f *ast.File) int {
	names := importNames(f)
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		call, ok := node.(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		m := matchMethod(sel)
		if m == nil || len(call.Args) <= m.Fixed {
			return true
		}
		local, ok := names[m.Pkg]
		if !ok || local == "_" || local == "." {
			return true
		}
		lit := &ast.CompositeLit{
			Type: &ast.ArrayType{Elt: &ast.SelectorExpr{X: ast.NewIdent(local), Sel: ast.NewIdent(m.Elem)}},
			Elts: call.Args[m.Fixed:],
		}
		call.Args = append(call.Args[:m.Fixed:m.Fixed], lit)
		call.Ellipsis = call.Rparen // a valid position prints "..."
		n++
		return true
	})
	return n
}

// matchMethod picks the method a selector call most likely means.
func matchMethod(sel *ast.SelectorExpr) *VariadicMethod {
	recv := ""
	if inner, ok := sel.X.(*ast.SelectorExpr); ok {
		recv = inner.Sel.Name
	}
	var fallback *VariadicMethod
	for i := range VariadicMethods {
		m := &VariadicMethods[i]
		if m.Name != sel.Sel.Name {
			continue
		}
		if m.Hint != "" && m.Hint == recv {
			return m
		}
		if m.Hint == "" {
			fallback = m
		}
	}
	return fallback
}

// importNames maps the import paths of f to the names they are used under.
func importNames(f *ast.File) map[string]string {
	names := map[string]string{}
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		name := path[lastSlash(path)+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		names[path] = name
	}
	return names
}

func lastSlash(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return i
		}
	}
	return -1
}
