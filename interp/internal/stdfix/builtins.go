package stdfix

import (
	"fmt"
	"math"
	"reflect"
)

// The clear, min and max builtins yaegi v0.16.1 lacks (#1674).

// fixClear implements the clear builtin on a map or a slice.
func fixClear(x any) {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Map, reflect.Slice:
		v.Clear()
	case reflect.Invalid:
	default:
		panic(fmt.Sprintf("invalid argument: clear(%s): argument must be a map or a slice", v.Type()))
	}
}

// fixNegZero reports whether x is a floating-point negative zero; min and
// max prefer it over a positive zero.
func fixNegZero(x any) bool {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0 && math.Signbit(v.Float())
	}
	return false
}
