package stdfix

import "reflect"

// CallArgs converts arguments evaluated by interpreted code, passed to
// the host as any, to the parameter types of ft, for a reflect call of a
// function of that type (or CallSlice when spread: the last argument is
// the variadic slice). An untyped constant arrives with its default type
// (1 as int for a float64 parameter) and nil as no value: both become the
// parameter's type, as the compiler would have made them.
func CallArgs(ft reflect.Type, args []any, spread bool) []reflect.Value {
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		var t reflect.Type
		switch {
		case ft.IsVariadic() && i >= ft.NumIn()-1 && !spread:
			t = ft.In(ft.NumIn() - 1).Elem()
		case i < ft.NumIn():
			t = ft.In(i)
		}
		in[i] = argValue(a, t)
	}
	return in
}
