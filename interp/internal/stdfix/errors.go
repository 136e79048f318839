package stdfix

import (
	"reflect"
	"strings"
	"unsafe"

	yaegi "github.com/traefik/yaegi/interp"
)

// Notebook errors seen from host code: composed wrappers that keep Unwrap and
// Is, and == and errors.Unwrap on the values yaegi wraps.

// yaegi hands a notebook error to host code (fmt.Errorf's %w, errors.Is,
// errors.Unwrap) in a wrapper struct whose only method is Error, so host
// code cannot unwrap it. yaegi picks a richer wrapper when one is
// registered for error (mapTypes, keyed by its own wrapper type) and the
// notebook type has all of its methods; these add Unwrap, Is and As. The
// first field holds the value, each other field a method (W + name).

type errorUnwrapIs struct {
	IValue  any
	WError  func() string
	WUnwrap any
	WIs     func(error) bool
}

func (w errorUnwrapIs) Error() string          { return w.WError() }
func (w errorUnwrapIs) Unwrap() error          { return unwrapOne(w.WUnwrap) }
func (w errorUnwrapIs) GocellUnwraps() []error { return unwrapAll(w.WUnwrap) }
func (w errorUnwrapIs) Is(err error) bool      { return w.WIs(err) }

type errorUnwrapAs struct {
	IValue  any
	WError  func() string
	WUnwrap any
	WAs     func(any) bool
}

func (w errorUnwrapAs) Error() string          { return w.WError() }
func (w errorUnwrapAs) Unwrap() error          { return unwrapOne(w.WUnwrap) }
func (w errorUnwrapAs) GocellUnwraps() []error { return unwrapAll(w.WUnwrap) }
func (w errorUnwrapAs) As(target any) bool     { return w.WAs(target) }

type errorUnwrap struct {
	IValue  any
	WError  func() string
	WUnwrap any
}

func (w errorUnwrap) Error() string          { return w.WError() }
func (w errorUnwrap) Unwrap() error          { return unwrapOne(w.WUnwrap) }
func (w errorUnwrap) GocellUnwraps() []error { return unwrapAll(w.WUnwrap) }

type errorIs struct {
	IValue any
	WError func() string
	WIs    func(error) bool
}

func (w errorIs) Error() string     { return w.WError() }
func (w errorIs) Is(err error) bool { return w.WIs(err) }

// useErrorWrappers registers the wrappers above for the interpreter's
// error wrapper, read from its table of host packages (yaegi v0.16.1 keeps
// it under the empty import path).
func useErrorWrappers(yi *yaegi.Interpreter) error {
	f := reflect.ValueOf(yi).Elem().FieldByName("binPkg")
	if !f.IsValid() || f.Type() != reflect.TypeOf(yaegi.Exports{}) {
		return nil // another yaegi: no composed wrappers
	}
	binPkg := *(*yaegi.Exports)(unsafe.Pointer(f.UnsafeAddr()))
	w, ok := binPkg[""]["_error"]
	if !ok {
		return nil
	}
	return yi.Use(yaegi.Exports{".": {"MapTypes": reflect.ValueOf(map[reflect.Value][]reflect.Type{
		w: {
			reflect.TypeOf(errorSelfUnwrapIs{}), reflect.TypeOf(errorSelfUnwrapAs{}),
			reflect.TypeOf(errorUnwrapIs{}), reflect.TypeOf(errorUnwrapAs{}),
			reflect.TypeOf(errorSelfUnwrap{}), reflect.TypeOf(errorSelfIs{}),
			reflect.TypeOf(errorUnwrap{}), reflect.TypeOf(errorIs{}),
			reflect.TypeOf(errorSelf{}),
		},
	})}})
}

// fixSame reports whether two errors are equal as Go's == on them is:
// yaegi hands notebook errors to host code in wrapper structs holding
// funcs, which == cannot compare, so the values they wrap are compared.
func fixSame(a, b any) bool {
	a, b = unwrapInterp(a), unwrapInterp(b)
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if !reflect.TypeOf(a).Comparable() || reflect.TypeOf(a) != reflect.TypeOf(b) {
		return false
	}
	return a == b
}

// unwrapInterp returns the value inside one of yaegi's interface wrappers
// (a struct whose first field IValue holds it) or internal interface values
// (valueInterface{node, value}).
func unwrapInterp(x any) any {
	for i := 0; i < 4; i++ {
		v := reflect.ValueOf(x)
		if inner, _, ok := selfValue(v); ok {
			x = inner
			continue
		}
		if !v.IsValid() || v.Kind() != reflect.Struct || v.NumField() == 0 {
			return x
		}
		t := v.Type()
		switch {
		case t.Field(0).Name == "IValue" && v.Field(0).CanInterface():
			x = v.Field(0).Interface()
		case t.Name() == "valueInterface" && strings.HasSuffix(t.PkgPath(), "yaegi/interp"):
			c := reflect.New(t).Elem()
			c.Set(v)
			f := c.FieldByName("value")
			if !f.IsValid() || f.Type() != reflect.TypeOf(reflect.Value{}) {
				return x
			}
			inner := *(*reflect.Value)(unsafe.Pointer(f.UnsafeAddr()))
			if !inner.IsValid() || !inner.CanInterface() {
				return nil
			}
			x = inner.Interface()
		default:
			return x
		}
	}
	return x
}

// fixUnwrap returns the errors a host error wraps.
func fixUnwrap(err any) []error {
	switch u := err.(type) {
	case interface{ GocellUnwraps() []error }:
		return u.GocellUnwraps()
	case interface{ Unwrap() error }:
		return []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	}
	return nil
}

// The Unwrap method of a notebook error, in the wrappers above: yaegi
// matches wrappers to methods by name, so the field holds either form,
// Unwrap() error or Unwrap() []error.

// unwrapOne is the error an Unwrap() error method returns, or nil.
func unwrapOne(f any) error {
	if u, ok := f.(func() error); ok {
		return u()
	}
	return nil
}

// unwrapAll is what either form of Unwrap returns.
func unwrapAll(f any) []error {
	switch u := f.(type) {
	case func() error:
		if e := u(); e != nil {
			return []error{e}
		}
	case func() []error:
		return u()
	}
	return nil
}
