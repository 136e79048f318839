package stdfix

import (
	"reflect"
	"sync"

	"github.com/gocell/gocell/interp/internal/goid"
)

// Deferred calls whose arguments are evaluated at the defer statement, as Go
// does (yaegi evaluates them when the call runs).

// deferred holds, per goroutine, the calls that rewritten defer statements
// pushed with their arguments: the matching deferred fixPop runs the
// latest, as defers run last in, first out.
var deferred sync.Map // goroutine id -> *[]func()

// fixPush records a call of f with args, evaluated now.
func fixPush(f any, args ...any) {
	fv := reflect.ValueOf(f)
	ft := fv.Type()
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		var t reflect.Type
		if ft.IsVariadic() && i >= ft.NumIn()-1 {
			t = ft.In(ft.NumIn() - 1).Elem()
		} else if i < ft.NumIn() {
			t = ft.In(i)
		}
		in[i] = argValue(a, t)
	}
	pushCall(func() { fv.Call(in) })
}

// fixPushSlice records a call f(args...) of a variadic f.
func fixPushSlice(f any, args ...any) {
	fv := reflect.ValueOf(f)
	ft := fv.Type()
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		t := ft.In(min(i, ft.NumIn()-1))
		in[i] = argValue(a, t)
	}
	pushCall(func() { fv.CallSlice(in) })
}

// argValue converts an argument to a parameter's type as Go would convert
// a constant (10 for a time.Duration).
func argValue(a any, t reflect.Type) reflect.Value {
	if t == nil {
		return reflect.ValueOf(a)
	}
	v := reflect.ValueOf(a)
	if !v.IsValid() {
		return reflect.Zero(t)
	}
	if !v.Type().AssignableTo(t) && v.CanConvert(t) {
		v = v.Convert(t)
	}
	return v
}

func pushCall(call func()) {
	id := goid.Current()
	v, _ := deferred.LoadOrStore(id, new([]func()))
	s := v.(*[]func())
	*s = append(*s, call)
}

func fixPop() {
	id := goid.Current()
	v, ok := deferred.Load(id)
	if !ok {
		return
	}
	s := v.(*[]func())
	if len(*s) == 0 {
		return
	}
	call := (*s)[len(*s)-1]
	*s = (*s)[:len(*s)-1]
	if len(*s) == 0 {
		deferred.Delete(id)
	}
	call()
}
