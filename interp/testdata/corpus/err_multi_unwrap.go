package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

type MultiError struct{ Errs []error }

func (m *MultiError) Error() string {
	var parts []string
	for _, e := range m.Errs {
		parts = append(parts, e.Error())
	}
	return strings.Join(parts, "; ")
}

func (m *MultiError) Unwrap() []error { return m.Errs }

type NotFoundError struct{ Name string }

func (e *NotFoundError) Error() string { return e.Name + " not found" }

var _ error = (*NotFoundError)(nil)

var ErrTimeout = errors.New("timeout")

type Shape interface{ Area() float64 }

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

func main() {
	m := &MultiError{[]error{&NotFoundError{"a"}, ErrTimeout}}
	var err error = m
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrTimeout))
	var nf *NotFoundError
	fmt.Println(errors.As(err, &nf), nf.Name)
	both := fmt.Errorf("first: %w, second: %w", ErrTimeout, &NotFoundError{"b"})
	fmt.Println(both, errors.Is(both, ErrTimeout), errors.As(both, &nf), nf.Name)
	var a, b Shape = Sq{2}, Sq{2}
	fmt.Println(a == b, a == Shape(Sq{3}))
	f := a.Area
	fmt.Println(f())
	fmt.Fprintln(os.Stdout, "done")
}
