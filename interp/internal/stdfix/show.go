package stdfix

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Notebook values with String or Error methods, as fmt must see them.
//
// yaegi hands fmt a notebook value that has a String or Error method in a
// wrapper struct (stdlib._fmt_Stringer{IValue, WString}) that implements
// the interface. fmt calls String for %v and %s, but prints the wrapper
// struct for every other verb: %d of a Weekday printed {2 5298976} and
// %#v printed stdlib._fmt_Stringer{...}. methodsView replaces the wrapper:
// it formats what fmt would call the methods for with them, and every
// other verb with the value itself, as fmt does for the real type.
//
// Printed arguments go through the views of view.go, which know the
// notebook types of the parts of a value; methodsView is what is left of a
// wrapper yaegi made elsewhere.

// methodsView is a notebook value with the methods fmt looks for.
type methodsView struct {
	v        reflect.Value // the value itself
	str      func() string // String, or nil
	err      func() string // Error, or nil
	goString func() string // GoString, or nil
}

// wrapperView returns the view of a yaegi interface wrapper, or false when
// v is none or already implements fmt.Formatter (fmt calls its Format).
func wrapperView(v reflect.Value) (methodsView, bool) {
	t := v.Type()
	if t.Kind() != reflect.Struct || t.NumField() < 2 || t.Field(0).Name != "IValue" || !strings.HasPrefix(t.Name(), "_") {
		return methodsView{}, false
	}
	if t.Implements(formatterType) || t.Implements(errorType) {
		// fmt calls Format itself; an error must stay itself for %w and
		// errors.Is.
		return methodsView{}, false
	}
	m := methodsView{v: v.Field(0)}
	if m.v.Kind() == reflect.Interface && !m.v.IsNil() {
		m.v = m.v.Elem()
	}
	m.v = reflect.ValueOf(unwrapInterp(valueOrNil(m.v)))
	fn := func(name string) func() string {
		f := v.FieldByName("W" + name)
		if !f.IsValid() || f.Kind() != reflect.Func || f.IsNil() {
			return nil
		}
		g, ok := f.Interface().(func() string)
		if !ok {
			return nil
		}
		return g
	}
	m.str, m.err, m.goString = fn("String"), fn("Error"), fn("GoString")
	return m, m.str != nil || m.err != nil || m.goString != nil
}

func valueOrNil(v reflect.Value) any {
	if !v.IsValid() || !v.CanInterface() {
		return nil
	}
	return v.Interface()
}

var (
	formatterType = reflect.TypeOf((*fmt.Formatter)(nil)).Elem()
	errorType     = reflect.TypeOf((*error)(nil)).Elem()
)

// Format formats the value as fmt formats a value of its notebook type.
func (m methodsView) Format(f fmt.State, verb rune) {
	spec := formatSpec(f, verb)
	if verb == 'v' && f.Flag('#') {
		if m.goString != nil {
			fmt.Fprintf(f, strings.Replace(spec[:len(spec)-1], "#", "", 1)+"s", m.goString())
			return
		}
		fmt.Fprint(f, goSyntax(spec, m.v))
		return
	}
	switch verb {
	case 'v', 's', 'x', 'X', 'q':
		if m.err != nil {
			fmt.Fprintf(f, spec, m.err())
			return
		}
		if m.str != nil {
			fmt.Fprintf(f, spec, m.str())
			return
		}
	}
	fmt.Fprintf(f, spec, printArg(m.v))
}

// printArg returns v as printed: its mirror for notebook structs.
func printArg(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	if x, ok := valueOrNil(v).(fmt.Formatter); ok {
		return x
	}
	return valueOrNil(mirrorValue(v, mirrorPrint, 0))
}

// formatSpec rebuilds the verb fmt is formatting with, flags and all.
func formatSpec(f fmt.State, verb rune) string {
	var b strings.Builder
	b.WriteByte('%')
	for _, c := range "+-# 0" {
		if f.Flag(int(c)) {
			b.WriteRune(c)
		}
	}
	if w, ok := f.Width(); ok {
		b.WriteString(strconv.Itoa(w))
	}
	if p, ok := f.Precision(); ok {
		b.WriteString("." + strconv.Itoa(p))
	}
	b.WriteRune(verb)
	return b.String()
}

// goSyntax prints v with %#v, naming the notebook struct types it holds
// where their names are known (yaegi's are anonymous struct types).
func goSyntax(spec string, v reflect.Value) string {
	s := fmt.Sprintf(spec, printArg(v))
	if !v.IsValid() {
		return s
	}
	for _, r := range structRenames(v.Type(), map[reflect.Type]bool{}, nil) {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	return s
}

// structRenames lists the anonymous struct types reachable from t that the
// notebook declared under a name, as pairs of type string and name.
func structRenames(t reflect.Type, seen map[reflect.Type]bool, out [][2]string) [][2]string {
	if seen[t] {
		return out
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
		return structRenames(t.Elem(), seen, out)
	case reflect.Map:
		return structRenames(t.Elem(), seen, structRenames(t.Key(), seen, out))
	case reflect.Struct:
		if t.Name() != "" {
			return out
		}
		for i := 0; i < t.NumField(); i++ {
			out = structRenames(t.Field(i).Type, seen, out)
		}
		if n, ok := structNames.Load(t); ok && n.(string) != "" {
			out = append(out, [2]string{t.String(), n.(string)})
		}
	}
	return out
}

// shown is an element of a container whose notebook type has a String or
// Error method: its value and the method's result.
type shown struct {
	v     reflect.Value
	s     string
	noS   bool   // s is not a String result: the value has none
	gs    string // the GoString result, if hasGS
	hasGS bool
}

func (e shown) Format(f fmt.State, verb rune) {
	spec := formatSpec(f, verb)
	switch {
	case verb == 'v' && f.Flag('#') && e.hasGS:
		fmt.Fprintf(f, strings.Replace(spec[:len(spec)-1], "#", "", 1)+"s", e.gs)
	case verb == 'v' && f.Flag('#'):
		fmt.Fprint(f, goSyntax(spec, e.v))
	case strings.ContainsRune("vsxXq", verb) && !e.noS:
		fmt.Fprintf(f, spec, e.s)
	default:
		fmt.Fprintf(f, spec, printArg(e.v))
	}
}

// fixShow is a value with the results of its String and GoString
// methods, as the interpreter found them.
func fixShow(v any, hasS bool, s string, hasGS bool, gs string) any {
	return shown{v: reflect.ValueOf(unwrapInterp(v)), s: s, noS: !hasS, gs: gs, hasGS: hasGS}
}

// fixRecovered returns the value a recover call returned as Go returns it:
// yaegi hands back a panic value of interface type wrapped in a
// reflect.Value.
func fixRecovered(x any) any {
	if rv, ok := x.(reflect.Value); ok {
		if !rv.IsValid() || !rv.CanInterface() {
			return nil
		}
		return RuntimePanic(rv.Interface())
	}
	return RuntimePanic(x)
}
