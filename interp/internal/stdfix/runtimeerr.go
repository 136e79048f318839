package stdfix

import (
	"fmt"
	"regexp"
	"runtime"
)

// Runtime panics of interpreted code. yaegi runs indexing, slicing and
// field access through package reflect, whose panics are strings in its
// own words; Go panics with a runtime.Error. Recovered values and a
// cell's panic become runtime errors with Go's message where the message
// can be told. An index or a slice bound out of range cannot: reflect does
// not say which index, nor the length, which Go's message has.

// runtimeError is a runtime.Error with Go's message.
type runtimeError struct{ msg string }

func (e *runtimeError) RuntimeError() {}
func (e *runtimeError) Error() string { return "runtime error: " + e.msg }

var _ runtime.Error = (*runtimeError)(nil)

// reflectPanics maps reflect's panic messages to Go's runtime errors.
var reflectPanics = map[string]string{
	"reflect: slice index out of range":                     "index out of range (gocell cannot tell the index and length)",
	"reflect: array index out of range":                     "index out of range (gocell cannot tell the index and length)",
	"reflect: string index out of range":                    "index out of range (gocell cannot tell the index and length)",
	"reflect.Value.Slice: slice index out of bounds":        "slice bounds out of range (gocell cannot tell the bounds)",
	"reflect.Value.Slice: string slice index out of bounds": "slice bounds out of range (gocell cannot tell the bounds)",
	"reflect.Value.Slice3: slice index out of bounds":       "slice bounds out of range (gocell cannot tell the bounds)",
}

// zeroValueCall is reflect's panic on a nil pointer's element: the
// interpreted program dereferenced a nil pointer.
var zeroValueCall = regexp.MustCompile(`^reflect: call of reflect\.Value\.\w+ on zero Value$`)

const nilDeref = "invalid memory address or nil pointer dereference"

// nilEmbedded is reflect's panic on a field promoted through a nil embedded
// pointer: Go's nil dereference.
const nilEmbedded = "reflect: indirection through nil pointer to embedded struct"

// conversionPanic is yaegi's failed type assertion: its message carries
// the position of the assertion in front of Go's message.
var conversionPanic = regexp.MustCompile(`^[^\s:]+:\d+:\d+: (interface conversion: .*)$`)

// RuntimePanic returns a panic value of interpreted code as Go would have
// panicked: a runtime.Error with Go's message for the panics of package
// reflect that yaegi lets through and for its failed type assertions, the
// value itself otherwise.
func RuntimePanic(x any) any {
	var msg string
	switch v := x.(type) {
	case string:
		msg = v
	case error:
		if _, ok := v.(runtime.Error); ok {
			return x
		}
		msg = v.Error()
	default:
		return x
	}
	if m := conversionPanic.FindStringSubmatch(msg); m != nil {
		return &typeAssertionError{m[1]}
	}
	if goMsg := reflectPanics[msg]; goMsg != "" {
		return &runtimeError{goMsg}
	}
	if zeroValueCall.MatchString(msg) || msg == nilEmbedded {
		return &runtimeError{nilDeref}
	}
	return x
}

// fixIndexError is Go's panic for index i of a sequence of length n.
func fixIndexError(i, n int) error {
	if i < 0 {
		return &runtimeError{fmt.Sprintf("index out of range [%d]", i)}
	}
	return &runtimeError{fmt.Sprintf("index out of range [%d] with length %d", i, n)}
}

// fixSliceHighError is Go's panic for a slice's high bound beyond max.
func fixSliceHighError(hi, max int, isCap bool) error {
	word := "length"
	if isCap {
		word = "capacity"
	}
	return &runtimeError{fmt.Sprintf("slice bounds out of range [:%d] with %s %d", hi, word, max)}
}

// fixSliceError is Go's panic for a slice's low bound above its high one.
func fixSliceError(lo, hi int) error {
	return &runtimeError{fmt.Sprintf("slice bounds out of range [%d:%d]", lo, hi)}
}
