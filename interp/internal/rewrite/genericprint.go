package rewrite

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// Printed values of generic notebook types with String or Error, where the
// syntax does not tell the type (a field, an index, a method's result):
// yaegi v0.16.1 keeps the methods of a generic type's value only when it
// is converted to an interface outside generic code, and loses the value
// itself when handed to an interpreted parameter of type any. In a
// notebook that gives a generic type such a method, a chunk printing
// values is type-checked (infer.go) and an argument whose type is
// such a type, or a slice, array or map of it, is shown through a function
// calling the method:
//
//	fmt.Println(c.order)  becomes  fmt.Println(__gocellfix.Elems(c.order, func(__v Pair[int, string]) string { return __v.String() }))
//	fmt.Println(ps[0])    becomes  fmt.Println(__gocellfix.One([]Pair[int, string]{ps[0]}, func(__v Pair[int, string]) string { return __v.String() }))

// printsGenericValues reports whether the chunk may print a value of a
// generic notebook type with a method fmt calls, which needs the check.
func (r *rewriter) printsGenericValues() bool {
	return r.facts.TypeKind(genericPrinterFact) != names.KindUnknown &&
		(strings.Contains(r.text, "fmt.") || strings.Contains(r.text, "log."))
}

// genericPrintView returns the wrapping of a printed argument of a generic
// notebook type with String or Error (or of a container of one), as prefix
// and suffix, or "" when the check did not type it so.
func (r *rewriter) genericPrintView(a ast.Expr) (prefix, suffix string) {
	if r.gen == nil || r.gen.info == nil {
		return "", ""
	}
	tv, ok := r.gen.info.Types[a]
	if !ok || tv.Type == nil || !tv.IsValue() {
		return "", ""
	}
	elt, container := tv.Type, true
	switch u := tv.Type.(type) {
	case *types.Slice:
		elt = u.Elem()
	case *types.Array:
		elt = u.Elem()
	case *types.Map:
		elt = u.Elem()
	default:
		container = false
	}
	recv, ptr := elt, false
	if p, ok := elt.(*types.Pointer); ok {
		recv, ptr = p.Elem(), true
	}
	named, ok := recv.(*types.Named)
	if !ok || named.TypeArgs().Len() == 0 || named.Obj().Pkg() != r.gen.pkg {
		return "", ""
	}
	method := printingMethod(named, ptr)
	if method == "" && !container && !ptr && printingMethod(named, true) == "" {
		// No method fmt calls: the value goes to fmt as it is (yaegi
		// loses it on its way through Val). With a pointer method only,
		// yaegi would call it on the value: Val stays.
		return "(", ")"
	}
	if method == "" || !nameable(elt, r.gen.pkg, r.gen.visible) {
		return "", ""
	}
	text := r.aliasText(a.Pos(), types.TypeString(elt, func(p *types.Package) string {
		if p == r.gen.pkg {
			return ""
		}
		return p.Name()
	}))
	fn := ", func(__v " + text + ") string { return __v." + method + "() })"
	if container {
		return FixPkg + ".Elems(", fn
	}
	return FixPkg + ".One([]" + text + "{", "}" + fn
}

// printingMethod returns the method fmt calls on a value of type t (or *t
// when ptr): Error or String, or "" when there is none or fmt calls Format
// or GoString instead (those values stay as they are).
func printingMethod(t *types.Named, ptr bool) string {
	var recv types.Type = t
	if ptr {
		recv = types.NewPointer(t)
	}
	ms := types.NewMethodSet(recv)
	has := func(name string) bool {
		sel := ms.Lookup(nil, name) // exported: the package does not matter
		if sel == nil {
			return false
		}
		if name == "Format" || name == "GoString" {
			return true
		}
		sig, ok := sel.Type().(*types.Signature)
		if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
			return false
		}
		b, ok := sig.Results().At(0).Type().(*types.Basic)
		return ok && b.Kind() == types.String
	}
	if has("Format") || has("GoString") {
		return ""
	}
	for _, name := range []string{"Error", "String"} {
		if has(name) {
			return name
		}
	}
	return ""
}
