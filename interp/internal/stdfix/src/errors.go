//go:build ignore

package errors

import (
	std "errors"

	fix "gocell/fix"
)

var ErrUnsupported = std.ErrUnsupported

func New(text string) error { return std.New(text) }

func Join(errs ...error) error { return std.Join(errs...) }

func Unwrap(err error) error { return std.Unwrap(err) }

// tree visits err and the errors it wraps, depth first, as Is and As do,
// until visit returns true.
func tree(err error, visit func(error) bool) bool {
	stack := []error{err}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if e == nil {
			continue
		}
		if visit(e) {
			return true
		}
		next := fix.Unwrap(e)
		for i := len(next) - 1; i >= 0; i-- {
			stack = append(stack, next[i])
		}
	}
	return false
}

func Is(err, target error) bool {
	if err == nil || target == nil {
		return fix.Same(err, target)
	}
	return tree(err, func(e error) bool {
		if fix.Same(e, target) {
			return true
		}
		// The Is method is looked up by host code: yaegi's assertion to an
		// interpreted interface misses the methods of host errors
		// (syscall.Errno's Is, behind os.Open's *fs.PathError).
		return fix.HostIs(e, target)
	})
}

func As[__T any](err error, target *__T) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	// A notebook error reaches here in yaegi's wrapper for host code: the
	// value inside is what T is checked against (yaegi's own e.(T) on the
	// wrapper fills a struct T with its last field).
	iface := fix.NotebookInterface(target)
	return tree(err, func(e error) bool {
		inner := fix.Inner(e)
		if iface {
			// inner.(T) with a result panics in yaegi for an interpreted
			// interface T: the check has none, and host code stores the
			// value, which is already in yaegi's form for T.
			if _, ok := inner.(__T); ok && fix.SetIface(target, inner) {
				return true
			}
		} else if t, ok := inner.(__T); ok {
			*target = t
			return true
		}
		if iface && fix.Wrapped(e) && !fix.SelfKnown(e) {
			// yaegi keeps no methods with the value inside the wrapper:
			// whether it implements T cannot be told.
			panic(fix.AsUnsupported(e))
		}
		if fix.LostStruct(e, target) {
			panic(fix.AsLostStruct(e))
		}
		return fix.HostAs(e, target)
	})
}
