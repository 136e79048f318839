package stdfix

import (
	"reflect"
	"unsafe"

	yaegi "github.com/traefik/yaegi/interp"
)

// Notebook values with a value-receiver String method held in a
// fmt.Stringer. Like an error (errself.go), such a value reaches host code
// in yaegi's wrapper whose IValue holds only a struct's last field, or the
// bare underlying value of a defined type: %T of a Stringer holding an
// Employee read int, %d its salary. The rewrite gives each such type (and
// each struct type that gets String from an embedded field) a GocellSelf
// method (rewrite/stringself.go); yaegi then wraps the value in
// stringerSelf, which can return the value whole with its type's name.

type stringerSelf struct {
	IValue      any
	WString     func() string
	WGocellSelf func() (any, string)
}

func (w stringerSelf) String() string            { return w.WString() }
func (w stringerSelf) GocellSelf() (any, string) { return w.WGocellSelf() }

var stringerSelfType = reflect.TypeOf(stringerSelf{})

// useStringerWrappers makes yaegi wrap a notebook value that has
// GocellSelf in stringerSelf when it converts the value to fmt.Stringer.
func useStringerWrappers(yi *yaegi.Interpreter) error {
	f := reflect.ValueOf(yi).Elem().FieldByName("binPkg")
	if !f.IsValid() || f.Type() != reflect.TypeOf(yaegi.Exports{}) {
		return nil // another yaegi: no composed wrappers
	}
	binPkg := *(*yaegi.Exports)(unsafe.Pointer(f.UnsafeAddr()))
	w, ok := binPkg["fmt"]["_Stringer"]
	if !ok {
		return nil
	}
	return yi.Use(yaegi.Exports{".": {"MapTypes": reflect.ValueOf(map[reflect.Value][]reflect.Type{
		w: {stringerSelfType},
	})}})
}

// stringerSelfValue returns the value a stringerSelf holds (in the
// interpreter's interface value, which keeps its type), or false.
func stringerSelfValue(v reflect.Value) (reflect.Value, bool) {
	if !v.IsValid() || v.Type() != stringerSelfType {
		return reflect.Value{}, false
	}
	inner, _, ok := selfValue(v)
	if !ok {
		return reflect.Value{}, false
	}
	return reflect.ValueOf(inner), true
}
