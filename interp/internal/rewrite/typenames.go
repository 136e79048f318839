package rewrite

// Types as the type check of generic calls (infer.go) writes them: in
// the cell's source, and as %T prints them.

import (
	"fmt"
	"go/ast"
	"go/types"
	"path"
	"strings"
)

// argsTyped reports whether every argument of a call has a valid type: a
// type argument inferred while an argument's type is unknown could be
// wrong.
func argsTyped(info *types.Info, call *ast.CallExpr) bool {
	for _, a := range call.Args {
		tv, ok := info.Types[a]
		if !ok || tv.Type == nil || !validType(tv.Type) {
			return false
		}
	}
	return true
}

// validType reports whether a type is fully known.
func validType(t types.Type) bool {
	ok := true
	walkType(t, func(t types.Type) {
		if b, isBasic := t.(*types.Basic); isBasic && b.Kind() == types.Invalid {
			ok = false
		}
	})
	return ok
}

// nameable reports whether a type can be written in the cell: known, free
// of type parameters, and naming only predeclared types, package-level
// types of the notebook, and exported types of host packages the chunk
// names (visible, by import path).
func nameable(t types.Type, pkg *types.Package, visible map[string]bool) bool {
	ok := true
	walkType(t, func(t types.Type) {
		switch t := t.(type) {
		case *types.Basic:
			if t.Kind() == types.Invalid || t.Info()&types.IsUntyped != 0 {
				ok = false
			}
		case *types.TypeParam:
			ok = false
		case *types.Named:
			o := t.Obj()
			switch {
			case o.Pkg() == nil: // error
			case o.Pkg() == pkg:
				ok = ok && o.Parent() == pkg.Scope()
			default:
				ok = ok && o.Exported() && visible[o.Pkg().Path()] && path.Base(o.Pkg().Path()) == o.Pkg().Name()
			}
		}
	})
	return ok
}

// walkType calls f on t and the types it is made of.
func walkType(t types.Type, f func(types.Type)) {
	seen := map[types.Type]bool{}
	var walk func(t types.Type)
	walk = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		f(t)
		switch t := t.(type) {
		case *types.Pointer:
			walk(t.Elem())
		case *types.Slice:
			walk(t.Elem())
		case *types.Array:
			walk(t.Elem())
		case *types.Map:
			walk(t.Key())
			walk(t.Elem())
		case *types.Chan:
			walk(t.Elem())
		case *types.Named:
			for i := 0; i < t.TypeArgs().Len(); i++ {
				walk(t.TypeArgs().At(i))
			}
		case *types.Alias:
			walk(types.Unalias(t))
		case *types.Signature:
			walk(t.Params())
			walk(t.Results())
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				walk(t.At(i).Type())
			}
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				walk(t.Field(i).Type())
			}
		}
	}
	walk(t)
}

// percentT returns how %T prints a value of static type t when t is not
// an interface and mentions a notebook type (yaegi prints the underlying
// types there: []float64 for a []Celsius), or "".
func percentT(t types.Type, pkg *types.Package) string {
	if _, iface := t.Underlying().(*types.Interface); iface {
		return ""
	}
	notebook := false
	walkType(t, func(t types.Type) {
		if n, ok := t.(*types.Named); ok && n.Obj().Pkg() == pkg {
			notebook = true
		}
	})
	if !notebook {
		return ""
	}
	return runtimeName(t, pkg)
}

// runtimeName writes a type as the Go runtime (and so %T) names it:
// main.Pair[string,int], []uint8. It returns "" for a type whose runtime
// name it does not write (struct, interface and func literals).
func runtimeName(t types.Type, pkg *types.Package) string {
	elem := func(prefix string, e types.Type) string {
		if s := runtimeName(e, pkg); s != "" {
			return prefix + s
		}
		return ""
	}
	switch t := types.Unalias(t).(type) {
	case *types.Basic:
		if t.Info()&types.IsUntyped != 0 || t.Kind() == types.Invalid {
			return ""
		}
		return types.Typ[t.Kind()].Name() // uint8 for byte, int32 for rune
	case *types.Named:
		o := t.Obj()
		if o.Pkg() == nil {
			return o.Name() // error
		}
		name := o.Pkg().Name() + "." + o.Name()
		if o.Pkg() == pkg {
			name = "main." + o.Name()
		}
		if t.TypeArgs().Len() == 0 {
			return name
		}
		var args []string
		for i := 0; i < t.TypeArgs().Len(); i++ {
			a := runtimeName(t.TypeArgs().At(i), pkg)
			if a == "" {
				return ""
			}
			args = append(args, a)
		}
		return name + "[" + strings.Join(args, ",") + "]"
	case *types.Pointer:
		return elem("*", t.Elem())
	case *types.Slice:
		return elem("[]", t.Elem())
	case *types.Array:
		return elem(fmt.Sprintf("[%d]", t.Len()), t.Elem())
	case *types.Map:
		if k := runtimeName(t.Key(), pkg); k != "" {
			return elem("map["+k+"]", t.Elem())
		}
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			return elem("chan<- ", t.Elem())
		case types.RecvOnly:
			return elem("<-chan ", t.Elem())
		}
		return elem("chan ", t.Elem())
	}
	return ""
}

// funcLiteral returns a function literal of signature sig whose body calls
// %s with its parameters, or false if sig cannot be written in the cell.
func funcLiteral(sig *types.Signature, pkg *types.Package, visible map[string]bool, write func(string) string) (string, bool) {
	if !nameable(sig, pkg, visible) {
		return "", false
	}
	qual := func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	}
	var params, args []string
	for i := 0; i < sig.Params().Len(); i++ {
		name := fmt.Sprintf("__gocell_a%d", i)
		t := sig.Params().At(i).Type()
		arg := name
		if sig.Variadic() && i == sig.Params().Len()-1 {
			params = append(params, name+" ..."+write(types.TypeString(t.(*types.Slice).Elem(), qual)))
			arg += "..."
		} else {
			params = append(params, name+" "+write(types.TypeString(t, qual)))
		}
		args = append(args, arg)
	}
	var results []string
	for i := 0; i < sig.Results().Len(); i++ {
		results = append(results, write(types.TypeString(sig.Results().At(i).Type(), qual)))
	}
	call := "%s(" + strings.Join(args, ", ") + ")"
	res := ""
	switch len(results) {
	case 0:
	case 1:
		res, call = " "+results[0], "return "+call
	default:
		res, call = " ("+strings.Join(results, ", ")+")", "return "+call
	}
	return "func(" + strings.Join(params, ", ") + ")" + res + " { " + call + " }", true
}

// percent returns how %T prints the value of e, an expression of the
// chunk, when the check knows it to be of a notebook type, or "".
func (g *genericInfo) percent(e ast.Expr) string {
	if g == nil {
		return ""
	}
	tv, ok := g.info.Types[e]
	if !ok || tv.Type == nil || !tv.IsValue() {
		return ""
	}
	return percentT(tv.Type, g.pkg)
}
