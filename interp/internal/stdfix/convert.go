package stdfix

import (
	"fmt"
	"reflect"
)

// fixConvertTo stores v converted to the type dst points to, as Go's
// conversion T(v) does: numbers between kinds (truncating floats), integers
// to strings, strings to and from byte and rune slices, values to types of
// the same underlying type and to interfaces they implement.
func fixConvertTo(dst, v any) {
	d := reflect.ValueOf(dst).Elem()
	x := reflect.ValueOf(v)
	if !x.IsValid() {
		d.SetZero()
		return
	}
	if x.Type() != d.Type() {
		if !x.CanConvert(d.Type()) {
			panic(fmt.Sprintf("cannot convert %v (type %s) to type %s", v, x.Type(), d.Type()))
		}
		x = x.Convert(d.Type())
	}
	d.Set(x)
}
