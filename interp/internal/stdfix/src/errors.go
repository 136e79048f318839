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
		x, ok := e.(interface{ Is(error) bool })
		return ok && x.Is(target)
	})
}

func As[T any](err error, target *T) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	return tree(err, func(e error) bool {
		if t, ok := e.(T); ok {
			*target = t
			return true
		}
		x, ok := e.(interface{ As(any) bool })
		return ok && x.As(target)
	})
}
