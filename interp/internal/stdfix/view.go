package stdfix

import (
	"fmt"
	"io"
	"reflect"
	"strings"
)

// Printed values of notebook types, everywhere a value can sit.
//
// A printed argument whose type the interpreter knows (the rewrite passes
// it through __gocellfix.Val, see fixView) is walked with its type: every
// part of it whose notebook type has a Format, Error, String or GoString
// method (in its method set, promoted ones included) becomes a node that
// fmt formats by calling the method exactly where fmt would, and every
// notebook struct, slice, array and map around such parts a node that
// prints as fmt prints it, with notebook type names for %#v. Parts that
// need nothing stay the values they are.

// printNode is a part of a printed value that formats itself.
type printNode interface {
	fmt.Formatter
	raw() any // the value itself, for %p and %T
}

// viewer builds the printed view of a value.
type viewer struct {
	seen int // nodes built, to bound cyclic data
}

const maxViewNodes = 100000

// typedValue returns the value x holds and its notebook type, as far as
// known: x is an interface the interpreter passed, which keeps the type of
// a value whose type has methods, or a Box[T] (src/runtime.go) carrying
// any value with its static type T.
func typedValue(x any) (reflect.Value, itypeOf) {
	inner, t, ok := interpValue(reflect.ValueOf(x))
	if !ok {
		inner = reflect.ValueOf(unwrapInterp(x))
		if !inner.IsValid() {
			return inner, itypeOf{}
		}
		return inner, layoutType(0, inner.Type())
	}
	if fs := t.fields(); len(fs) == 1 && fs[0].name == "V" && strings.HasPrefix(t.v.FieldByName("name").String(), "Box[") &&
		inner.IsValid() && inner.Kind() == reflect.Struct && inner.NumField() == 1 {
		v, ft := inner.Field(0), fs[0].typ
		if v.Kind() == reflect.Interface {
			return dynamicValue(v)
		}
		return v, ft
	}
	return inner, t
}

// dynamicValue returns the value an interface holds and its type, as far
// as known, seeing through the interpreter's wrappers.
func dynamicValue(v reflect.Value) (reflect.Value, itypeOf) {
	for i := 0; i < 8; i++ {
		if v.Kind() == reflect.Interface {
			if v.IsNil() {
				return reflect.Value{}, itypeOf{}
			}
			v = v.Elem()
			continue
		}
		if in, t, ok := interpValue(v); ok {
			if t.ok() || !in.IsValid() {
				return in, t
			}
			v = in
			continue
		}
		break
	}
	if v.IsValid() {
		return v, layoutType(0, v.Type())
	}
	return v, itypeOf{}
}

// fixViewBox is fixView of a Box[T] (see ValT) or of an interface
// (Val); false when x prints right as it is.
func fixViewBox(b any) (any, bool) {
	v, t := typedValue(b)
	if n := t.v; t.ok() && t.numMethods() > 0 && strings.Contains(n.FieldByName("name").String(), "[") {
		// A generic type's methods are not registered: yaegi's
		// interface wrapper has them.
		return nil, false
	}
	return viewOf(v, t), true
}

// fixView returns x (see typedValue) as fmt must print it.
func fixView(x any) any {
	return viewOf(typedValue(x))
}

func viewOf(inner reflect.Value, t itypeOf) any {
	if !inner.IsValid() {
		return nil
	}
	var vw viewer
	out, changed := vw.view(inner, t, 0, false)
	if !changed {
		if !t.ok() {
			// No type known: the struct mirror still names unexported
			// fields right.
			if m := mirrorValue(inner, mirrorPrint, 0); m.IsValid() && m.CanInterface() {
				return m.Interface()
			}
		}
		return valueOrNil(inner)
	}
	return out
}

// fixIsError reports whether x (see typedValue) has an Error method: such
// a value goes to fmt as itself (%w wraps it).
func fixIsError(x any) bool {
	inner, t := typedValue(x)
	if !inner.IsValid() {
		return false
	}
	if !t.ok() {
		_, isErr := valueOrNil(inner).(error)
		return isErr
	}
	_, _, _, has := methodOf(t, "Error")
	return has
}

// view returns the printed view of v of type t; changed is false when v
// prints right as it is. ro: v was reached through an unexported field,
// where fmt calls no methods.
func (vw *viewer) view(v reflect.Value, t itypeOf, depth int, ro bool) (any, bool) {
	if !v.IsValid() {
		return nil, false
	}
	vw.seen++
	if vw.seen > maxViewNodes || depth > 32 {
		return valueOrNil(v), false
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			if depth > 0 {
				return nilNode{t.typeString(v.Type())}, true
			}
			return nil, false
		}
		e, dt := dynamicValue(v)
		if !e.IsValid() {
			return nilNode{t.typeString(v.Type())}, true
		}
		return vw.view(e, dt, depth, ro)
	}
	if in, ok := stringerSelfValue(v); ok {
		return vw.view(in, itypeOf{}, depth, ro)
	}
	if w, ok := wrapperView(v); ok {
		// A value the interpreter wrapped in a host interface: its
		// methods are the wrapper's.
		return w, true
	}
	if in, dt, ok := interpValue(v); ok {
		if !in.IsValid() {
			return nil, false
		}
		return vw.view(in, dt, depth, ro)
	}
	if !t.ok() && v.Kind() == reflect.Struct {
		t = layoutType(0, v.Type())
	}
	if !ro && t.ok() {
		if n, ok := vw.methodsNode(v, t, depth); ok {
			return n, true
		}
	}
	if !ro && !t.ok() && v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Kind() == reflect.Struct {
		// A pointer whose type the interpreter did not keep: the methods
		// of *T, T known by its layout.
		if et := layoutType(0, v.Elem().Type()); et.ok() {
			if n, ok := vw.methodsNodeOf(v, et, true, depth); ok {
				return n, true
			}
		}
	}
	return vw.plainView(v, t, depth, ro)
}

// plainView is v printed without methods of its own type.
func (vw *viewer) plainView(v reflect.Value, t itypeOf, depth int, ro bool) (any, bool) {
	u := t.underlying()
	switch v.Kind() {
	case reflect.Struct:
		fields := u.fields()
		if !t.ok() || len(fields) != v.NumField() {
			return valueOrNil(v), false
		}
		n := &structNode{v: v, typ: t.typeString(v.Type()), names: make([]string, len(fields)), vals: make([]any, len(fields))}
		for i, f := range fields {
			n.names[i] = f.name
			fro := ro || !isExportedName(f.name)
			n.vals[i], _ = vw.view(v.Field(i), f.typ, depth+1, fro)
			if fro {
				n.vals[i] = roLeaf(n.vals[i])
			}
		}
		return n, true
	case reflect.Slice, reflect.Array:
		et := u.elem()
		if v.Kind() == reflect.Slice && v.IsNil() {
			if t.name() != "" || needsView(et) {
				return &listNode{v: v, typ: t.typeString(v.Type()), isNil: true}, true
			}
			return valueOrNil(v), false
		}
		n := &listNode{v: v, typ: t.typeString(v.Type()), elems: make([]any, v.Len())}
		changed := false
		for i := range n.elems {
			var c bool
			n.elems[i], c = vw.view(v.Index(i), et, depth+1, ro)
			changed = changed || c
		}
		if !changed {
			return valueOrNil(v), false
		}
		return n, true
	case reflect.Map:
		kt, et := u.key(), u.elem()
		if v.IsNil() {
			if needsView(kt) || needsView(et) {
				return &mapNode{v: v, typ: t.typeString(v.Type()), isNil: true}, true
			}
			return valueOrNil(v), false
		}
		keys := sortedKeys(v)
		n := &mapNode{v: v, typ: t.typeString(v.Type()), keys: make([]any, len(keys)), vals: make([]any, len(keys))}
		changed := false
		for i, k := range keys {
			var c1, c2 bool
			n.keys[i], c1 = vw.view(k, kt, depth+1, ro)
			n.vals[i], c2 = vw.view(v.MapIndex(k), et, depth+1, ro)
			changed = changed || c1 || c2
		}
		if !changed {
			return valueOrNil(v), false
		}
		return n, true
	case reflect.Pointer:
		if v.IsNil() || depth > 0 {
			return valueOrNil(v), false
		}
		switch v.Elem().Kind() {
		case reflect.Struct, reflect.Slice, reflect.Array, reflect.Map:
			e, c := vw.view(v.Elem(), u.elem(), depth+1, ro)
			if !c {
				return valueOrNil(v), false
			}
			return &ptrNode{v: v, elem: e}, true
		}
	}
	if n, ok := basicView(v, t, depth); ok {
		return n, true
	}
	return valueOrNil(v), false
}

// needsView reports whether values of type t may print differently from
// their reflect values (notebook types with names).
func needsView(t itypeOf) bool {
	return t.ok() && (t.name() != "" || t.cat() == tcatInterface || needsView(t.elem()))
}

func isExportedName(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// roLeaf keeps fmt from calling the methods of a host value reached
// through an unexported field, as fmt does for the real field.
func roLeaf(x any) any {
	if _, ok := x.(printNode); ok || x == nil {
		return x
	}
	v := reflect.ValueOf(x)
	if v.Type().NumMethod() == 0 {
		return x
	}
	if b := basicType(v.Kind()); b != nil {
		return v.Convert(b).Interface()
	}
	return x
}

func basicType(k reflect.Kind) reflect.Type {
	switch k {
	case reflect.Bool:
		return reflect.TypeOf(false)
	case reflect.Int:
		return reflect.TypeOf(0)
	case reflect.Int8:
		return reflect.TypeOf(int8(0))
	case reflect.Int16:
		return reflect.TypeOf(int16(0))
	case reflect.Int32:
		return reflect.TypeOf(int32(0))
	case reflect.Int64:
		return reflect.TypeOf(int64(0))
	case reflect.Uint:
		return reflect.TypeOf(uint(0))
	case reflect.Uint8:
		return reflect.TypeOf(uint8(0))
	case reflect.Uint16:
		return reflect.TypeOf(uint16(0))
	case reflect.Uint32:
		return reflect.TypeOf(uint32(0))
	case reflect.Uint64:
		return reflect.TypeOf(uint64(0))
	case reflect.Float32:
		return reflect.TypeOf(float32(0))
	case reflect.Float64:
		return reflect.TypeOf(float64(0))
	case reflect.String:
		return reflect.TypeOf("")
	}
	return nil
}

// methodsNode returns the node of a value whose type has methods fmt
// calls.
func (vw *viewer) methodsNode(v reflect.Value, t itypeOf, depth int) (printNode, bool) {
	return vw.methodsNodeOf(v, t, false, depth)
}

// methodsNodeOf is methodsNode; ptrTo: v is a *T of which t is T.
func (vw *viewer) methodsNodeOf(v reflect.Value, t itypeOf, ptrTo bool, depth int) (printNode, bool) {
	n := &methodNode{v: v}
	found := false
	for _, name := range []string{"Format", "Error", "String", "GoString"} {
		var fn reflect.Value
		var path []int
		var ptr, ok bool
		if ptrTo {
			fn, path, ptr, ok = methodIn(t, name, true, 0)
		} else {
			fn, path, ptr, ok = methodOf(t, name)
		}
		if !ok {
			continue
		}
		if name == "Format" {
			if fn.Type().NumIn() != 3 {
				continue
			}
		} else if fn.Type().NumIn() != 1 || fn.Type().NumOut() != 1 || fn.Type().Out(0).Kind() != reflect.String {
			continue
		}
		found = true
		m := boundMethod{fn, path, ptr}
		switch name {
		case "Format":
			n.format = &m
		case "Error":
			n.err = &m
		case "String":
			n.str = &m
		case "GoString":
			n.goStr = &m
		}
	}
	if !found {
		return nil, false
	}
	n.plain, _ = vw.plainView(v, t, depth, false)
	return n, true
}

type boundMethod struct {
	fn   reflect.Value
	path []int
	ptr  bool
}

// methodNode is a value with the methods fmt looks for.
type methodNode struct {
	v                       reflect.Value
	format, err, str, goStr *boundMethod
	plain                   any // the value printed without its methods
}

func (n methodNode) raw() any { return valueOrNil(n.v) }

// Format does what fmt's handleMethods does for the real type.
func (n methodNode) Format(f fmt.State, verb rune) {
	spec := formatSpec(f, verb)
	if verb == 'p' || verb == 'T' {
		fmt.Fprintf(f, spec, n.raw())
		return
	}
	if n.format != nil {
		n.call(f, verb, n.format, reflect.ValueOf(f), reflect.ValueOf(verb))
		return
	}
	if verb == 'v' && f.Flag('#') {
		if n.goStr != nil {
			if s, ok := n.call(f, verb, n.goStr); ok {
				fmt.Fprintf(f, strings.Replace(spec[:len(spec)-1], "#", "", 1)+"s", s)
			}
			return
		}
	} else if strings.ContainsRune("vsxXq", verb) {
		if m := n.err; m != nil || n.str != nil {
			if m == nil {
				m = n.str
			}
			if s, ok := n.call(f, verb, m); ok {
				if verb == 'v' {
					spec = strings.Replace(spec, "+", "", 1) // %+v prints the string plainly
				}
				fmt.Fprintf(f, spec, s)
			}
			return
		}
	}
	fmt.Fprintf(f, spec, n.plain)
}

// call calls a method as fmt does: a panic prints %!v(PANIC=String
// method: ...), and <nil> for a nil pointer receiver.
func (n methodNode) call(f fmt.State, verb rune, m *boundMethod, args ...reflect.Value) (s string, ok bool) {
	name := map[*boundMethod]string{n.format: "Format", n.err: "Error", n.str: "String", n.goStr: "GoString"}[m]
	defer func() {
		if p := recover(); p != nil {
			ok = false
			if n.v.Kind() == reflect.Pointer && n.v.IsNil() {
				io.WriteString(f, "<nil>")
				return
			}
			fmt.Fprintf(f, "%%!%c(PANIC=%s method: %v)", verb, name, RuntimePanic(p))
		}
	}()
	out, err := callMethod(m.fn, n.v, m.path, m.ptr, args...)
	if err == errNilRecv {
		io.WriteString(f, "<nil>")
		return "", false
	}
	if err != nil || len(out) == 0 {
		return "", len(args) == 0 && err == nil
	}
	return out[0].String(), true
}

// structNode prints as fmt prints a struct: {a b}, {A:a B:b} with %+v,
// main.T{A:a, B:b} with %#v.
type structNode struct {
	v     reflect.Value
	typ   string
	names []string
	vals  []any
}

func (n *structNode) raw() any { return valueOrNil(n.v) }

func (n *structNode) Format(f fmt.State, verb rune) {
	spec := formatSpec(f, verb)
	if verb == 'p' || verb == 'T' {
		fmt.Fprintf(f, spec, n.raw())
		return
	}
	sharp := verb == 'v' && f.Flag('#')
	plus := verb == 'v' && f.Flag('+')
	if sharp {
		io.WriteString(f, n.typ)
	}
	io.WriteString(f, "{")
	for i, v := range n.vals {
		if i > 0 {
			if sharp {
				io.WriteString(f, ", ")
			} else {
				io.WriteString(f, " ")
			}
		}
		if plus || sharp {
			io.WriteString(f, n.names[i]+":")
		}
		formatElem(f, spec, v)
	}
	io.WriteString(f, "}")
}

// formatElem prints a part of a value with the verb of the whole.
func formatElem(f fmt.State, spec string, v any) {
	if v == nil {
		if strings.HasSuffix(spec, "#v") {
			io.WriteString(f, "interface {}(nil)")
			return
		}
		io.WriteString(f, "<nil>")
		return
	}
	fmt.Fprintf(f, spec, v)
}

// listNode prints as fmt prints a slice or array.
type listNode struct {
	v     reflect.Value
	typ   string
	elems []any
	isNil bool
}

func (n *listNode) raw() any { return valueOrNil(n.v) }

func (n *listNode) Format(f fmt.State, verb rune) {
	formatComposite(f, verb, n.raw(), n.typ, n.isNil, "[", len(n.elems), func(spec string, i int) {
		formatElem(f, spec, n.elems[i])
	})
}

// formatComposite writes a slice, array or map as fmt does: with %#v its
// type and braces (or typ(nil)), otherwise open and "]"; the elements
// separated as fmt separates them, each written by elem with the verb's
// format spec. %p and %T print the raw value.
func formatComposite(f fmt.State, verb rune, raw any, typ string, isNil bool, open string, n int, elem func(spec string, i int)) {
	spec := formatSpec(f, verb)
	if verb == 'p' || verb == 'T' {
		fmt.Fprintf(f, spec, raw)
		return
	}
	sharp := verb == 'v' && f.Flag('#')
	sep, end := " ", "]"
	if sharp {
		if isNil {
			io.WriteString(f, typ+"(nil)")
			return
		}
		open, sep, end = typ+"{", ", ", "}"
	}
	io.WriteString(f, open)
	for i := 0; i < n; i++ {
		if i > 0 {
			io.WriteString(f, sep)
		}
		elem(spec, i)
	}
	io.WriteString(f, end)
}

// mapNode prints as fmt prints a map, keys sorted as fmt sorts them.
type mapNode struct {
	v          reflect.Value
	typ        string
	keys, vals []any
	isNil      bool
}

func (n *mapNode) raw() any { return valueOrNil(n.v) }

func (n *mapNode) Format(f fmt.State, verb rune) {
	formatComposite(f, verb, n.raw(), n.typ, n.isNil, "map[", len(n.keys), func(spec string, i int) {
		formatElem(f, spec, n.keys[i])
		io.WriteString(f, ":")
		formatElem(f, spec, n.vals[i])
	})
}

// ptrNode is a pointer to a composite value at the top of a printed
// value: fmt prints &{...}.
type ptrNode struct {
	v    reflect.Value
	elem any
}

func (n *ptrNode) raw() any { return valueOrNil(n.v) }

func (n *ptrNode) Format(f fmt.State, verb rune) {
	spec := formatSpec(f, verb)
	switch verb {
	case 'p', 'T':
		fmt.Fprintf(f, spec, n.raw())
		return
	case 'v', 's', 'd', 'x', 'X', 'q', 'o', 'b', 'e', 'E', 'f', 'F', 'g', 'G', 'c', 'U', 't':
	default:
		fmt.Fprintf(f, spec, n.raw())
		return
	}
	io.WriteString(f, "&")
	fmt.Fprintf(f, spec, n.elem)
}

// nilNode is a nil interface inside a printed value: <nil>, or
// interface {}(nil) with %#v.
type nilNode struct{ typ string }

func (n nilNode) raw() any { return nil }

func (n nilNode) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		io.WriteString(f, n.typ+"(nil)")
		return
	}
	if verb == 'v' || verb == 's' {
		io.WriteString(f, "<nil>")
		return
	}
	io.WriteString(f, "%!"+string(verb)+"(<nil>)")
}
