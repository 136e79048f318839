package main

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrEmpty = errors.New("empty input")

type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

func parse(lines []string) (int, error) {
	if len(lines) == 0 {
		return 0, ErrEmpty
	}
	sum := 0
	for i, l := range lines {
		n, err := strconv.Atoi(l)
		if err != nil {
			return 0, &ParseError{Line: i + 1, Err: err}
		}
		sum += n
	}
	return sum, nil
}

func main() {
	fmt.Println(parse([]string{"1", "2", "3"}))
	_, err := parse(nil)
	fmt.Println(err, errors.Is(err, ErrEmpty))
	_, err = parse([]string{"1", "x"})
	fmt.Println(err)
	var pe *ParseError
	if errors.As(err, &pe) {
		fmt.Println("bad line", pe.Line)
	}
	wrapped := fmt.Errorf("loading config: %w", err)
	fmt.Println(wrapped)
	fmt.Println(errors.Is(wrapped, strconv.ErrSyntax))
	fmt.Println(errors.Unwrap(wrapped).Error() == err.Error())
}
