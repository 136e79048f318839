package stdfix

import "fmt"

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
