package main

import (
	"errors"
	"fmt"
	"os"
)

// A value-receiver error with an Is method, a pointer-receiver error with
// Unwrap, and a typed nil returned by mistake.

type StatusError struct {
	Code int
	Text string
}

func (e StatusError) Error() string { return fmt.Sprintf("%d %s", e.Code, e.Text) }

func (e StatusError) Is(target error) bool {
	t, ok := target.(StatusError)
	return ok && t.Code == e.Code
}

var ErrNotFound = StatusError{Code: 404}

type OpError struct {
	Op  string
	Err error
}

func (e *OpError) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *OpError) Unwrap() error { return e.Err }

func fetch(path string) error {
	if path == "" {
		return &OpError{"fetch", StatusError{400, "empty path"}}
	}
	if path == "/missing" {
		return &OpError{"fetch", StatusError{404, "no such page"}}
	}
	return nil
}

func check(n int) error {
	var err *OpError
	if n < 0 {
		err = &OpError{"check", errors.New("negative")}
	}
	return err
}

func main() {
	for _, p := range []string{"/index", "", "/missing"} {
		err := fetch(p)
		fmt.Printf("%q: %v\n", p, err)
		if err == nil {
			continue
		}
		fmt.Println("  not found?", errors.Is(err, ErrNotFound))
		var se StatusError
		if errors.As(err, &se) {
			fmt.Printf("  status %d (%T)\n", se.Code, se)
		}
		var oe *OpError
		if errors.As(err, &oe) {
			fmt.Println("  op", oe.Op, oe.Err == StatusError{se.Code, se.Text})
		}
	}
	e1, e2 := check(1), check(-1)
	fmt.Println(e1 == nil, e2 == nil, e2)
	fmt.Printf("%T %T\n", e1, e2)
	joined := errors.Join(fetch(""), fetch("/missing"))
	fmt.Println(errors.Is(joined, ErrNotFound))
	fmt.Println(joined)
	_, err := os.ReadFile("/no/such/file")
	var pe *os.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, errors.Is(err, os.ErrNotExist))
	switch e := errors.Unwrap(fetch("")).(type) {
	case StatusError:
		fmt.Println("status error", e.Code)
	case nil:
		fmt.Println("nil")
	}
}
