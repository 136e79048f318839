package stdfix

import (
	"fmt"
	"reflect"
	"strings"
)

// Host halves of the type assertions of src/assert.go.

// fixHostError returns v as an error when host code made it (errors.New,
// fmt.Errorf) or yaegi already wrapped a notebook error for host code.
func fixHostError(v any) (error, bool) {
	if e, ok := v.(error); ok {
		return e, true
	}
	e, ok := unwrapInterp(v).(error)
	return e, ok
}

// fixHostStringer is fixHostError for fmt.Stringer.
func fixHostStringer(v any) (fmt.Stringer, bool) {
	if s, ok := v.(fmt.Stringer); ok {
		return s, true
	}
	s, ok := unwrapInterp(v).(fmt.Stringer)
	return s, ok
}

// typeAssertionError is the panic of a failed type assertion, a
// runtime.Error with Go's message.
type typeAssertionError struct{ msg string }

func (e *typeAssertionError) RuntimeError() {}
func (e *typeAssertionError) Error() string { return e.msg }

// fixAssertFailed returns the panic value of v.(target) failing, target an
// interface whose first method v lacks.
func fixAssertFailed(v any, target, method string) error {
	if v == nil {
		return &typeAssertionError{"interface conversion: interface is nil, not " + target}
	}
	return &typeAssertionError{"interface conversion: " + fixTypeName([]any{v}) + " is not " + target + ": missing method " + method}
}

// fixInner returns the value inside yaegi's wrapper of a notebook error,
// or err itself.
func fixInner(err error) any {
	if err == nil {
		return nil
	}
	if inner, _, ok := selfValue(reflect.ValueOf(err)); ok {
		return inner // with its methods, for an interface target
	}
	return unwrapInterp(err)
}

// fixHostIs is the Is method step of errors.Is, run by host code.
func fixHostIs(err, target error) bool {
	x, ok := err.(interface{ Is(error) bool })
	return ok && x.Is(target)
}

// fixHostAs is the As method step of errors.As, run by host code.
func fixHostAs(err error, target any) bool {
	x, ok := err.(interface{ As(any) bool })
	return ok && x.As(target)
}

// fixNotebookInterface reports whether target points to a variable of a
// notebook interface type (yaegi's reflect type for them is its own
// interface value struct).
func fixNotebookInterface(target any) bool {
	t := reflect.TypeOf(target)
	if t == nil || t.Kind() != reflect.Pointer {
		return false
	}
	e := t.Elem()
	return e.Kind() == reflect.Struct && e.Name() == "valueInterface" && strings.HasSuffix(e.PkgPath(), "yaegi/interp")
}

// unsupportedError is a construct the interpreter cannot run, with the
// way around it.
type unsupportedError struct{ msg string }

func (e *unsupportedError) Error() string { return e.msg }

// fixAsUnsupported is the panic of errors.As to a notebook interface when
// a notebook error is in the chain.
func fixAsUnsupported(err error) error {
	return &unsupportedError{"errors.As with a pointer to a notebook interface type: gocell's interpreter " +
		"cannot tell which notebook interfaces a notebook error implements once it is " +
		"held as an error; use errors.As with its concrete type (var t T; errors.As(err, &t)) and call the method on that"}
}

// fixLostStruct reports whether err is yaegi's wrapper of a notebook
// error whose value it lost, while target points to a struct: yaegi keeps
// only the last field of a struct whose Error method has a value
// receiver, so whether the error is a T cannot be told.
func fixLostStruct(err error, target any) bool {
	t := reflect.TypeOf(target)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct || fixNotebookInterface(target) {
		return false
	}
	v := reflect.ValueOf(err)
	if v.Kind() != reflect.Struct || v.NumField() == 0 || v.Type().Field(0).Name != "IValue" {
		return false
	}
	// A notebook error held whole is a struct or a pointer to one of
	// yaegi's unnamed struct types; anything else (a field's string, an
	// int, a host error from the last field) is what was left of it.
	switch inner := reflect.ValueOf(unwrapInterp(err)); inner.Kind() {
	case reflect.Struct, reflect.Invalid:
		return false
	case reflect.Pointer:
		return inner.Type().Elem().Name() != ""
	}
	return true
}

// fixAsLostStruct is the panic of errors.As when fixLostStruct.
func fixAsLostStruct(err error) error {
	return &unsupportedError{"errors.As with a pointer to a struct type, on a notebook error " +
		"whose Error method has a value receiver: gocell's interpreter keeps only the last field of such a struct " +
		"once it is held as an error; give Error a pointer receiver (func (e *T) Error() string), return &T{...}, " +
		"and use var t *T; errors.As(err, &t)"}
}

// fixUnwrapped returns the value inside one of yaegi's wrappers of a
// notebook value for a host interface, or v itself (yaegi's own interface
// values included, which its assertions read).
func fixUnwrapped(v any) any {
	rv := reflect.ValueOf(v)
	if inner, _, ok := selfValue(rv); ok {
		return unwrapInterp(inner)
	}
	if !rv.IsValid() || rv.Kind() != reflect.Struct || rv.NumField() == 0 || rv.Type().Field(0).Name != "IValue" {
		return v
	}
	return unwrapInterp(v)
}

// fixWrapped reports whether err is yaegi's wrapper of a notebook value.
func fixWrapped(err error) bool {
	v := reflect.ValueOf(err)
	return v.Kind() == reflect.Struct && v.NumField() > 0 && v.Type().Field(0).Name == "IValue"
}

// fixSelfKnown reports whether err is a wrapper that can return the whole
// notebook value, methods included (errself.go).
func fixSelfKnown(err error) bool {
	_, _, ok := selfValue(reflect.ValueOf(err))
	return ok
}

// fixSetIface stores v in *target, a variable of a notebook interface type,
// when v is a value of yaegi's form for such variables.
func fixSetIface(target, v any) bool {
	t := reflect.ValueOf(target)
	if t.Kind() != reflect.Pointer || t.IsNil() || reflect.TypeOf(v) != t.Type().Elem() {
		return false
	}
	t.Elem().Set(reflect.ValueOf(v))
	return true
}
