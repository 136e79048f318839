package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/cell"
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
//	fmt.Println(ps[0])    becomes  fmt.Println(__gocellfix.One(append(make([]Pair[int, string], 0, 1), ps[0]), func(__v Pair[int, string]) string { return __v.String() }))

// printsGenericValues reports whether the chunk may print a value of a
// generic notebook type with a method fmt calls, which needs the check.
func (r *rewriter) printsGenericValues() bool {
	if !strings.Contains(r.text, "fmt.") && !strings.Contains(r.text, "log.") {
		return false
	}
	if r.facts.TypeKind(genericPrinterFact) != names.KindUnknown {
		return true
	}
	// A generic struct may hold values of notebook types with methods
	// (instanceTypeRegistration): where the chunk names an instantiation
	// or a variable of one.
	if r.facts.TypeKind(genericStructFact) == names.KindUnknown {
		return false
	}
	if strings.Contains(r.text, "]") {
		return true
	}
	for _, w := range strings.FieldsFunc(r.text, notIdentRune) {
		if strings.Contains(r.facts.VarTypeText(w), "[") {
			return true
		}
	}
	return false
}

// genericStructFact is recorded (as a type name no program can declare)
// once the notebook declares a generic struct type.
const genericStructFact = "__gocell generic struct"

// noteGenericStructs records whether the chunk declares a generic struct
// type.
func (r *rewriter) noteGenericStructs() {
	for _, d := range r.decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
			for _, sp := range g.Specs {
				if ts := sp.(*ast.TypeSpec); ts.TypeParams != nil {
					if _, ok := ts.Type.(*ast.StructType); ok {
						r.facts.SetType(genericStructFact, names.KindOther)
					}
				}
			}
		}
	}
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
	if method == "" && !container && !ptr && printingMethod(named, true) == "" && !r.holdsNotebookTypes(named) {
		// No method fmt calls, and nothing inside that has some: the
		// value goes to fmt as it is (yaegi loses it on its way through
		// Val). With a pointer method only, yaegi would call it on the
		// value, and the parts of other notebook types need Val's view:
		// Val stays.
		return "(", ")"
	}
	if method == "" || !nameable(elt, r.gen.pkg, r.gen.visible) {
		return "", ""
	}
	text := r.aliasText(a.Pos(), types.TypeString(elt, r.gen.qualifier))
	fn := ", func(__v " + text + ") string { return __v." + method + "() })"
	if container {
		return FixPkg + ".Elems(", fn
	}
	// Appended, not in a literal: yaegi takes a generic call among a
	// literal's elements for a type (not a generic type: func(...)).
	return FixPkg + ".One(append(make([]" + text + ", 0, 1), ", ")" + fn
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

// registerInstanceMethods registers, before the statement or in the
// function printing a, the printing methods of the generic notebook types
// a's value holds in struct fields, as method declarations register those
// of other types (methods.go): the printer finds a field's methods in that
// registry, and yaegi's generic methods have no registration of their own
// (they exist per instantiation). Without it, fmt.Println(inv) of a struct
// with a Stack[string] field printed the field's fields. The struct types
// of generic instantiations holding other notebook types are registered
// too, as type declarations register theirs: the printer then finds the
// parts' methods (Box[Point]{p} printed {{3 4}}, not {(3,4)}).
func (r *rewriter) registerInstanceMethods(a ast.Expr) {
	if r.gen == nil || r.gen.info == nil {
		return
	}
	tv, ok := r.gen.info.Types[a]
	if !ok || tv.Type == nil {
		return
	}
	var regs []string
	seen := map[types.Type]bool{}
	// field: t is reached through a struct field (the value itself, and
	// containers of it, are shown by genericPrintView).
	var walk func(t types.Type, depth int, field bool)
	walk = func(t types.Type, depth int, field bool) {
		if depth > 6 || seen[t] {
			return
		}
		seen[t] = true
		switch x := t.(type) {
		case *types.Pointer:
			walk(x.Elem(), depth+1, field)
			return
		case *types.Slice:
			walk(x.Elem(), depth+1, field)
			return
		case *types.Array:
			walk(x.Elem(), depth+1, field)
			return
		case *types.Map:
			walk(x.Key(), depth+1, field)
			walk(x.Elem(), depth+1, field)
			return
		case *types.Named:
			if x.Obj().Pkg() != r.gen.pkg {
				return
			}
			if x.TypeArgs().Len() > 0 && nameable(x, r.gen.pkg, r.gen.visible) {
				if field {
					regs = append(regs, r.instanceRegistrations(a.Pos(), x)...)
				}
				if reg := r.instanceTypeRegistration(a.Pos(), x); reg != "" {
					regs = append(regs, reg)
				}
			}
		}
		if st, ok := t.Underlying().(*types.Struct); ok {
			for i := 0; i < st.NumFields(); i++ {
				walk(st.Field(i).Type(), depth+1, true)
			}
		}
	}
	walk(tv.Type, 0, false)
	if len(regs) == 0 {
		return
	}
	if r.gen.registered == nil {
		r.gen.registered = map[string]bool{}
	}
	if r.kind == cell.Stmts {
		top := r.topNode(a.Pos())
		if top == nil {
			return
		}
		for _, reg := range regs {
			key := fmt.Sprint(top.Pos()) + reg
			if r.gen.registered[key] {
				continue
			}
			r.gen.registered[key] = true
			if r.aliases == nil {
				r.aliases = map[ast.Node]string{}
			}
			r.aliases[top] += "_ = " + reg + "; "
		}
		return
	}
	// In a declaration: at the start of the function's body, which is
	// part of its source (a declaration is replayed alone).
	for _, d := range r.decls {
		f, ok := d.(*ast.FuncDecl)
		if !ok || f.Body == nil || a.Pos() < f.Body.Pos() || a.Pos() >= f.End() {
			continue
		}
		for _, reg := range regs {
			key := fmt.Sprint(f.Pos()) + reg
			if r.gen.registered[key] {
				continue
			}
			r.gen.registered[key] = true
			r.insert(f.Body.Lbrace+1, " _ = "+reg+";")
		}
	}
}

// instanceRegistrations returns the registrations of the printing methods
// of an instantiated generic type, as expressions.
func (r *rewriter) instanceRegistrations(pos token.Pos, t *types.Named) []string {
	var methods []string
	for _, name := range []string{"Error", "String", "GoString"} {
		if printsWith(t, name, false) || printsWith(t, name, true) {
			methods = append(methods, name)
		}
	}
	if len(methods) == 0 {
		return nil
	}
	text := types.TypeString(t, r.gen.qualifier)
	if t.TypeArgs().Len() > 1 {
		// Behind a pointer (Box[*Pair[string, int]]) the instantiation
		// needs an alias (nested.go), which only statements can declare
		// as part of their source.
		if r.kind != cell.Stmts {
			return nil
		}
		text = r.aliasTypeArg(pos, text)
	} else {
		text = r.aliasText(pos, text)
	}
	var out []string
	for _, name := range methods {
		ptr := !printsWith(t, name, false)
		recv := text
		if ptr {
			recv = "*" + text
		}
		out = append(out, "func() any { var __b "+FixPkg+".Box[*"+text+"]; return "+FixPkg+".RegisterMethod(__b, "+strconv.Quote(name)+", "+
			strconv.FormatBool(ptr)+", func(__v "+recv+") string { return __v."+name+"() }) }()")
	}
	return out
}

// printsWith reports whether the method set of t (or *t) has method name
// of signature func() string.
func printsWith(t *types.Named, name string, ptr bool) bool {
	var recv types.Type = t
	if ptr {
		recv = types.NewPointer(t)
	}
	sel := types.NewMethodSet(recv).Lookup(nil, name)
	if sel == nil {
		return false
	}
	sig, ok := sel.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	b, ok := sig.Results().At(0).Type().(*types.Basic)
	return ok && b.Kind() == types.String
}

// holdsNotebookTypes reports whether a value of generic type t holds parts
// of named notebook types with methods fmt calls (Vec[Point],
// Box[Celsius]), which only Val's view shows, or interfaces.
func (r *rewriter) holdsNotebookTypes(t *types.Named) bool {
	found := false
	seen := map[types.Type]bool{}
	var walk func(t types.Type, depth int)
	walk = func(t types.Type, depth int) {
		if found || depth > 6 || seen[t] {
			return
		}
		seen[t] = true
		if n, ok := t.(*types.Named); ok && depth > 0 && n.Obj().Pkg() == r.gen.pkg && hasPrintingMethod(n) {
			found = true
			return
		}
		switch x := t.Underlying().(type) {
		case *types.Pointer:
			walk(x.Elem(), depth+1)
		case *types.Slice:
			walk(x.Elem(), depth+1)
		case *types.Array:
			walk(x.Elem(), depth+1)
		case *types.Map:
			walk(x.Key(), depth+1)
			walk(x.Elem(), depth+1)
		case *types.Chan:
			walk(x.Elem(), depth+1)
		case *types.Struct:
			for i := 0; i < x.NumFields(); i++ {
				walk(x.Field(i).Type(), depth+1)
			}
		case *types.Interface:
			found = depth > 0 // a notebook value may sit in it
		}
	}
	walk(t, 0)
	return found
}

// instanceTypeRegistration returns the registration of an instantiated
// generic struct type whose values hold parts of other notebook types, as
// an expression, or "".
func (r *rewriter) instanceTypeRegistration(pos token.Pos, t *types.Named) string {
	if _, ok := t.Underlying().(*types.Struct); !ok || !r.holdsNotebookTypes(t) {
		return ""
	}
	name := runtimeName(t, r.gen.pkg)
	if name == "" {
		return ""
	}
	text := types.TypeString(t, r.gen.qualifier)
	if t.TypeArgs().Len() > 1 {
		if r.kind != cell.Stmts {
			return ""
		}
		text = r.aliasTypeArg(pos, text)
	} else {
		text = r.aliasText(pos, text)
	}
	// A variable, not a literal: yaegi compiles a literal of one generic
	// instantiation once for the program (genericlits.go).
	return "func() any { var __b " + FixPkg + ".Box[*" + text + "]; return " + FixPkg + ".RegisterType(" + strconv.Quote(name) + ", __b) }()"
}

// hasPrintingMethod reports whether t or *t has a method fmt calls.
func hasPrintingMethod(t *types.Named) bool {
	for _, ptr := range []bool{false, true} {
		var recv types.Type = t
		if ptr {
			recv = types.NewPointer(t)
		}
		ms := types.NewMethodSet(recv)
		for _, name := range []string{"Error", "String", "GoString", "Format"} {
			if ms.Lookup(nil, name) != nil {
				return true
			}
		}
	}
	return false
}

// qualifier writes the notebook's own types unqualified and others under
// their package name, as a cell's source names them.
func (g *genericInfo) qualifier(p *types.Package) string {
	if p == g.pkg {
		return ""
	}
	return p.Name()
}
