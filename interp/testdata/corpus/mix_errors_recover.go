package main

import (
	"errors"
	"fmt"
	"strconv"
)

type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Err.Error() }
func (e *ParseError) Unwrap() error { return e.Err }

var ErrEmpty = errors.New("empty input")

func parse(lines []string) (sum int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	if len(lines) == 0 {
		return 0, ErrEmpty
	}
	for i, l := range lines {
		n, err := strconv.Atoi(l)
		if err != nil {
			return 0, &ParseError{i + 1, err}
		}
		if n < 0 {
			panic("negative " + l)
		}
		sum += n
	}
	return sum, nil
}

func main() {
	for _, in := range [][]string{{"1", "2"}, nil, {"3", "x"}, {"4", "-5"}} {
		s, err := parse(in)
		var pe *ParseError
		switch {
		case errors.Is(err, ErrEmpty):
			fmt.Println("empty!")
		case errors.As(err, &pe):
			fmt.Println("parse error at", pe.Line, "-", pe)
			var ne *strconv.NumError
			fmt.Println(errors.As(err, &ne), ne.Func)
		case err != nil:
			fmt.Println("other:", err)
		default:
			fmt.Println("sum", s)
		}
	}
	wrapped := fmt.Errorf("ctx: %w", ErrEmpty)
	fmt.Println(wrapped, errors.Unwrap(wrapped) == ErrEmpty)
}
