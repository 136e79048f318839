package main

import (
	"errors"
	"fmt"
	"strconv"
)

var (
	ErrEmpty    = errors.New("empty input")
	ErrTooLarge = errors.New("too large")
)

type ParseError struct {
	Line int
	Err  error
}

func (p ParseError) Error() string { return fmt.Sprintf("line %d: %v", p.Line, p.Err) }
func (p ParseError) Unwrap() error { return p.Err }

func parse(line int, s string) (int, error) {
	if s == "" {
		return 0, ParseError{line, ErrEmpty}
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, ParseError{line, err}
	}
	if n > 100 {
		return 0, fmt.Errorf("parse %q: %w", s, ErrTooLarge)
	}
	return n, nil
}

func main() {
	inputs := []string{"12", "", "abc", "500"}
	for i, s := range inputs {
		n, err := parse(i+1, s)
		switch {
		case err == nil:
			fmt.Println("ok", n)
		case errors.Is(err, ErrEmpty):
			fmt.Println("empty:", err)
		case errors.Is(err, ErrTooLarge):
			fmt.Println("large:", err)
		default:
			var pe ParseError
			var ne *strconv.NumError
			fmt.Println("other:", err, errors.As(err, &pe), pe.Line, errors.As(err, &ne))
			if ne != nil {
				fmt.Println("  func:", ne.Func, "num:", ne.Num, ne.Err == strconv.ErrSyntax)
			}
		}
	}
	wrapped := fmt.Errorf("outer: %w", fmt.Errorf("middle: %w", ParseError{7, ErrEmpty}))
	fmt.Println(wrapped)
	fmt.Println(errors.Is(wrapped, ErrEmpty), errors.Unwrap(errors.Unwrap(wrapped)))
	var pe ParseError
	if errors.As(wrapped, &pe) {
		fmt.Println("line", pe.Line, "cause", pe.Err)
	}
	j := errors.Join(ErrEmpty, nil, ParseError{3, ErrTooLarge})
	fmt.Println(j)
	fmt.Println(errors.Is(j, ErrTooLarge), errors.As(j, &pe), pe.Line)
	fmt.Println(errors.Join(nil, nil) == nil)
}
