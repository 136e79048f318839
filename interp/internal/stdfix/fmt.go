package stdfix

import (
	"fmt"
	"io"
	"reflect"
	"slices"
)

// fmt printers that show notebook structs' unexported fields under their own
// names and receive notebook errors as errors.

// wrapPrinters wraps the interpreter's fmt printers (already redirected to
// the interpreter's output by yaegi), and the interfaces yaegi must wrap
// their arguments in, so that notebook structs print their
// unexported fields under their own names.
func wrapPrinters(fmtSyms map[string]reflect.Value) (map[string]reflect.Value, map[reflect.Value][]reflect.Type) {
	out := map[string]reflect.Value{}
	mapTypes := map[reflect.Value][]reflect.Type{}
	add := func(name string, f reflect.Value) {
		out[name] = f
		mapTypes[f] = printTypes
	}
	if f, ok := fmtSyms["Print"].Interface().(func(...any) (int, error)); ok {
		add("Print", reflect.ValueOf(func(a ...any) (int, error) {
			a = printView(a)
			if s, ok := spacedPrint(a); ok {
				return f(s)
			}
			return f(a...)
		}))
	}
	if f, ok := fmtSyms["Println"].Interface().(func(...any) (int, error)); ok {
		add("Println", reflect.ValueOf(func(a ...any) (int, error) { return f(printView(a)...) }))
	}
	if f, ok := fmtSyms["Printf"].Interface().(func(string, ...any) (int, error)); ok {
		add("Printf", reflect.ValueOf(func(format string, a ...any) (int, error) { return f(format, printView(a)...) }))
	}
	add("Sprint", reflect.ValueOf(func(a ...any) string {
		a = printView(a)
		if s, ok := spacedPrint(a); ok {
			return s
		}
		return fmt.Sprint(a...)
	}))
	add("Sprintln", reflect.ValueOf(func(a ...any) string { return fmt.Sprintln(printView(a)...) }))
	add("Sprintf", reflect.ValueOf(func(format string, a ...any) string { return fmt.Sprintf(format, printView(a)...) }))
	add("Fprint", reflect.ValueOf(func(w io.Writer, a ...any) (int, error) {
		a = printView(a)
		if s, ok := spacedPrint(a); ok {
			return io.WriteString(w, s)
		}
		return fmt.Fprint(w, a...)
	}))
	add("Fprintln", reflect.ValueOf(func(w io.Writer, a ...any) (int, error) { return fmt.Fprintln(w, printView(a)...) }))
	add("Fprintf", reflect.ValueOf(func(w io.Writer, format string, a ...any) (int, error) {
		return fmt.Fprintf(w, format, printView(a)...)
	}))
	add("Errorf", reflect.ValueOf(func(format string, a ...any) error { return fmt.Errorf(format, printView(a)...) }))
	return out, mapTypes
}

// printView replaces arguments whose notebook struct types have unexported
// fields by their printing mirrors, and yaegi's interface wrappers of
// notebook values by views that format every verb as Go does (show.go).
// Other arguments are passed unchanged (errors must stay errors for %w).
func printView(a []any) []any {
	var out []any
	for i, x := range a {
		if x == nil {
			continue
		}
		v := reflect.ValueOf(x)
		if in, ok := stringerSelfValue(v); ok {
			if out == nil {
				out = slices.Clone(a)
			}
			out[i] = fixView(valueOrNil(in))
			continue
		}
		if w, ok := wrapperView(v); ok {
			if out == nil {
				out = slices.Clone(a)
			}
			out[i] = w
			continue
		}
		m := mirrorValue(v, mirrorPrint, 0)
		if m == v {
			continue
		}
		if out == nil {
			out = slices.Clone(a)
		}
		out[i] = m.Interface()
	}
	if out == nil {
		return a
	}
	return out
}
