package stdfix

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
)

// Notebook errors whose Error method has a value receiver. yaegi hands such
// a struct to host code in a wrapper whose IValue holds only the struct's
// last field (its getConcreteValue takes a struct without methods for one
// of its own interface emulations), so errors.As, ==, %T and assertions
// on the error lost the value. The rewrite gives each such type a method
// GocellSelf returning the value and its type's name (rewrite/decls.go),
// and these wrappers, which yaegi picks when the type has the method, let
// host code ask for them.

// SelfMethod is the name of the method the rewrite adds.
const SelfMethod = "GocellSelf"

// selfer is a wrapper of a notebook value that can return it whole.
type selfer interface {
	GocellSelf() (any, string)
}

type errorSelfUnwrapIs struct {
	IValue      any
	WError      func() string
	WGocellSelf func() (any, string)
	WUnwrap     any
	WIs         func(error) bool
}

func (w errorSelfUnwrapIs) Error() string             { return w.WError() }
func (w errorSelfUnwrapIs) GocellSelf() (any, string) { return w.WGocellSelf() }
func (w errorSelfUnwrapIs) Unwrap() error             { return unwrapOne(w.WUnwrap) }
func (w errorSelfUnwrapIs) GocellUnwraps() []error    { return unwrapAll(w.WUnwrap) }
func (w errorSelfUnwrapIs) Is(err error) bool         { return w.WIs(err) }

type errorSelfUnwrapAs struct {
	IValue      any
	WError      func() string
	WGocellSelf func() (any, string)
	WUnwrap     any
	WAs         func(any) bool
}

func (w errorSelfUnwrapAs) Error() string             { return w.WError() }
func (w errorSelfUnwrapAs) GocellSelf() (any, string) { return w.WGocellSelf() }
func (w errorSelfUnwrapAs) Unwrap() error             { return unwrapOne(w.WUnwrap) }
func (w errorSelfUnwrapAs) GocellUnwraps() []error    { return unwrapAll(w.WUnwrap) }
func (w errorSelfUnwrapAs) As(target any) bool        { return w.WAs(target) }

type errorSelfUnwrap struct {
	IValue      any
	WError      func() string
	WGocellSelf func() (any, string)
	WUnwrap     any
}

func (w errorSelfUnwrap) Error() string             { return w.WError() }
func (w errorSelfUnwrap) GocellSelf() (any, string) { return w.WGocellSelf() }
func (w errorSelfUnwrap) Unwrap() error             { return unwrapOne(w.WUnwrap) }
func (w errorSelfUnwrap) GocellUnwraps() []error    { return unwrapAll(w.WUnwrap) }

type errorSelfIs struct {
	IValue      any
	WError      func() string
	WGocellSelf func() (any, string)
	WIs         func(error) bool
}

func (w errorSelfIs) Error() string             { return w.WError() }
func (w errorSelfIs) GocellSelf() (any, string) { return w.WGocellSelf() }
func (w errorSelfIs) Is(err error) bool         { return w.WIs(err) }

type errorSelf struct {
	IValue      any
	WError      func() string
	WGocellSelf func() (any, string)
}

func (w errorSelf) Error() string             { return w.WError() }
func (w errorSelf) GocellSelf() (any, string) { return w.WGocellSelf() }

// selfValue returns the notebook value inside a wrapper that can tell it,
// and its type's name: the wrapper's IValue when that is a pointer (the
// method of a pointer's type returns the value it points to).
func selfValue(v reflect.Value) (inner any, name string, ok bool) {
	if v.IsValid() && v.Kind() == reflect.Pointer && !v.IsNil() && v.Type().Elem() == reflect.TypeOf(nilError{}) {
		e := v.Interface().(*nilError)
		return e.IValue, e.name, true
	}
	if !v.IsValid() || v.Kind() != reflect.Struct || v.NumField() == 0 || v.Type().Field(0).Name != "IValue" || !v.CanInterface() {
		return nil, "", false
	}
	s, isSelfer := v.Interface().(selfer)
	if !isSelfer {
		return nil, "", false
	}
	inner, name = s.GocellSelf()
	// A *T has T's methods: the wrapper of a pointer holds the pointer,
	// whose element is the value the method returned (in yaegi's interface
	// value, which keeps its methods for interpreted code).
	plain := unwrapInterp(inner)
	if iv := v.Field(0); iv.Kind() == reflect.Interface && !iv.IsNil() && iv.Elem().Kind() == reflect.Pointer &&
		plain != nil && iv.Elem().Type().Elem() == reflect.TypeOf(plain) {
		return iv.Elem().Interface(), "*" + name, true
	}
	return inner, name, true
}

// nilError is a nil pointer of a notebook type held in an error (see
// fixNilError). Like yaegi's wrappers, its first field holds the value.
type nilError struct {
	IValue any
	name   string
	msg    func() string
}

func (e *nilError) Error() string             { return e.msg() }
func (e *nilError) GocellSelf() (any, string) { return e.IValue, e.name }

// Format prints the error as fmt prints a nil receiver whose Error method
// panics: <nil>.
func (e *nilError) Format(f fmt.State, verb rune) {
	s, ok := func() (s string, ok bool) {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		return e.msg(), true
	}()
	if !ok {
		s = "<nil>"
	}
	if verb == 'q' {
		s = strconv.Quote(s)
	}
	io.WriteString(f, s)
}

// fixNilError is the error a nil pointer p of the notebook type name
// converts to.
func fixNilError(p any, name string, msg func() string) error {
	return &nilError{IValue: p, name: name, msg: msg}
}

// isOwnWrapper reports whether t is one of the composed error wrappers of
// this package (errors.go, above), which hold the notebook value in IValue.
func isOwnWrapper(t reflect.Type) bool {
	return t.PkgPath() == reflect.TypeOf(errorSelf{}).PkgPath() && t.NumField() > 0 && t.Field(0).Name == "IValue"
}
