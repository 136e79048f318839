package stdfix

import (
	"fmt"
	"reflect"
)

// Containers of a generic notebook type with String or Error, printed
// where the rewrite cannot hand the static type over (ValT is not
// instantiated in notebooks declaring generic types with printing
// methods): the rewrite passes an interpreted function calling the
// element's method, and the elements are shown through it.

// fixElems returns x (a slice, array or map of a notebook type, or of
// pointers to it) with each element replaced by a shown value, str being
// the interpreted function that calls the element's String or Error
// method. A nil pointer element prints <nil>, as fmt prints it.
func fixElems(x any, str any) any {
	v := reflect.ValueOf(unwrapInterp(x))
	fv := reflect.ValueOf(str)
	if !v.IsValid() || fv.Kind() != reflect.Func || fv.Type().NumIn() != 1 {
		return x
	}
	in := fv.Type().In(0)
	call := func(e reflect.Value) any {
		if e.Kind() == reflect.Interface {
			if e.IsNil() {
				return nil
			}
			e = e.Elem()
		}
		if e.Kind() == reflect.Pointer && e.IsNil() {
			return nil
		}
		if !e.Type().AssignableTo(in) {
			if !e.Type().ConvertibleTo(in) {
				return printArg(e)
			}
			e = e.Convert(in)
		}
		out := fv.Call([]reflect.Value{e})
		if len(out) != 1 || out[0].Kind() != reflect.String {
			return printArg(e)
		}
		return shown{v: e, s: out[0].String()}
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return x
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = call(v.Index(i))
		}
		return elemsView{out}
	case reflect.Map:
		if v.IsNil() {
			return x
		}
		out := reflect.MakeMapWithSize(reflect.MapOf(v.Type().Key(), anyType), v.Len())
		it := v.MapRange()
		for it.Next() {
			e := reflect.ValueOf(call(it.Value()))
			if !e.IsValid() {
				e = reflect.Zero(anyType)
			}
			out.SetMapIndex(it.Key(), e)
		}
		return out.Interface()
	}
	return x
}

// elemsView prints shown elements as fmt prints a slice, [a b], with the
// verb applied to each element.
type elemsView struct{ elems []any }

func (s elemsView) Format(f fmt.State, verb rune) {
	spec := formatSpec(f, verb)
	if verb == 'v' && f.Flag('#') {
		fmt.Fprintf(f, spec, s.elems)
		return
	}
	f.Write([]byte{'['})
	for i, e := range s.elems {
		if i > 0 {
			f.Write([]byte{' '})
		}
		fmt.Fprintf(f, spec, e)
	}
	f.Write([]byte{']'})
}
