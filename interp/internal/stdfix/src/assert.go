//go:build ignore

package __gocellfix

import (
	"fmt"

	fix "gocell/fix"
)

// Type assertions to error and fmt.Stringer (see rewrite/asserts.go).
// yaegi's own v.(error) on a notebook value held in an interface reads the
// method from the wrong frame (a panic or a wrong value), and its type
// switch matches any notebook value to any notebook interface. Here the
// notebook value is checked against an interpreted interface of the same
// methods, whose assertion without a result compares method sets, and
// converted to the host interface from a value of that interface.

type errorValue interface{ Error() string }

type stringerValue interface{ String() string }

// AsError is v.(error) with the comma-ok result.
func AsError(v any) (error, bool) {
	if v == nil {
		return nil, false
	}
	// The interface converted from decides which of yaegi's wrappers the
	// error gets (package stdfix registers richer ones): the richest the
	// value has, so that errors.Is, errors.As and %T still see its Unwrap,
	// Is and GocellSelf methods.
	if _, ok := v.(errorValue); !ok {
		return fix.HostError(v)
	}
	// yaegi's type switch matches any notebook value to any interpreted
	// interface: each is checked by an assertion without a result first,
	// which compares method sets.
	if _, ok := v.(errorSelfUnwrapIs); ok {
		switch x := v.(type) {
		case errorSelfUnwrapIs:
			return x, true
		}
	}
	if _, ok := v.(errorSelfUnwrapAs); ok {
		switch x := v.(type) {
		case errorSelfUnwrapAs:
			return x, true
		}
	}
	if _, ok := v.(errorUnwrapIs); ok {
		switch x := v.(type) {
		case errorUnwrapIs:
			return x, true
		}
	}
	if _, ok := v.(errorUnwrapAs); ok {
		switch x := v.(type) {
		case errorUnwrapAs:
			return x, true
		}
	}
	if _, ok := v.(errorSelfUnwrap); ok {
		switch x := v.(type) {
		case errorSelfUnwrap:
			return x, true
		}
	}
	if _, ok := v.(errorSelfIs); ok {
		switch x := v.(type) {
		case errorSelfIs:
			return x, true
		}
	}
	if _, ok := v.(errorUnwrap); ok {
		switch x := v.(type) {
		case errorUnwrap:
			return x, true
		}
	}
	if _, ok := v.(errorIs); ok {
		switch x := v.(type) {
		case errorIs:
			return x, true
		}
	}
	if _, ok := v.(errorSelf); ok {
		switch x := v.(type) {
		case errorSelf:
			return x, true
		}
	}
	switch x := v.(type) {
	case errorValue:
		return x, true
	}
	return fix.HostError(v)
}

type errorSelf interface {
	Error() string
	GocellSelf() (any, string)
}

type errorUnwrap interface {
	Error() string
	Unwrap() error
}

type errorIs interface {
	Error() string
	Is(error) bool
}

type errorSelfUnwrap interface {
	errorSelf
	Unwrap() error
}

type errorSelfIs interface {
	errorSelf
	Is(error) bool
}

type errorUnwrapIs interface {
	errorUnwrap
	Is(error) bool
}

type errorUnwrapAs interface {
	errorUnwrap
	As(any) bool
}

type errorSelfUnwrapIs interface {
	errorSelfUnwrap
	Is(error) bool
}

type errorSelfUnwrapAs interface {
	errorSelfUnwrap
	As(any) bool
}

// MustError is v.(error): it panics as Go does when v is no error.
func MustError(v any) error {
	e, ok := AsError(v)
	if !ok {
		panic(fix.AssertFailed(v, "error", "Error"))
	}
	return e
}

// AsStringer is v.(fmt.Stringer) with the comma-ok result.
func AsStringer(v any) (fmt.Stringer, bool) {
	if v == nil {
		return nil, false
	}
	if _, ok := v.(stringerValue); ok {
		switch x := v.(type) {
		case stringerValue:
			var s fmt.Stringer = x
			return s, true
		}
	}
	return fix.HostStringer(v)
}

// MustStringer is v.(fmt.Stringer).
func MustStringer(v any) fmt.Stringer {
	s, ok := AsStringer(v)
	if !ok {
		panic(fix.AssertFailed(v, "fmt.Stringer", "String"))
	}
	return s
}

// AssertFailed is the panic value of a failed v.(T) to a notebook
// interface T whose first method is method.
func AssertFailed(v any, target, method string) any {
	return fix.AssertFailed(v, target, method)
}

// Unwrapped is the value inside yaegi's wrapper of a notebook value for a
// host interface (an error holding a VE), or v: what v.(T) checks for a
// notebook type T.
func Unwrapped(v any) any { return fix.Unwrapped(v) }

// NilError is a nil pointer p of the notebook type name converted to
// error, as Go converts it: an error that is not nil (yaegi made a nil
// error of it). msg calls p's Error method.
func NilError(p any, name string, msg func() string) error { return fix.NilError(p, name, msg) }

// IsError reports whether v is an error (a case error of a type switch).
func IsError(v any) bool {
	_, ok := AsError(v)
	return ok
}

// IsStringer reports whether v is a fmt.Stringer.
func IsStringer(v any) bool {
	_, ok := AsStringer(v)
	return ok
}
