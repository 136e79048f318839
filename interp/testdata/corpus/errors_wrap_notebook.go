package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type Temporary interface{ Temporary() bool }

type timeoutErr struct{ after int }

func (t timeoutErr) Error() string   { return fmt.Sprintf("timeout after %ds", t.after) }
func (t timeoutErr) Temporary() bool { return true }

func find(id int) error {
	switch id {
	case 1:
		return &QueryError{"id=1", ErrNotFound}
	case 2:
		return fmt.Errorf("find %d: %w", id, timeoutErr{5})
	}
	return nil
}

func main() {
	err := find(1)
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Unwrap(err) == ErrNotFound)
	var qe *QueryError
	if errors.As(err, &qe) {
		fmt.Println("query was", qe.Query)
	}
	wrapped := fmt.Errorf("handler: %w", err)
	fmt.Println(wrapped)
	fmt.Println(errors.Is(wrapped, ErrNotFound), errors.As(wrapped, &qe))
	err2 := find(2)
	var te timeoutErr
	fmt.Println(errors.As(err2, &te), te.after)
	var tmp Temporary
	fmt.Println(errors.As(err2, &tmp), tmp != nil && tmp.Temporary())
	fmt.Println(errors.Is(err2, ErrNotFound))
	joined := errors.Join(ErrNotFound, timeoutErr{1})
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrNotFound), errors.As(joined, &te), te.after)
	fmt.Printf("%v|%s|%q\n", err2, err2, err2)
	_, ferr := os.Open("/definitely/not/here")
	fmt.Println(errors.Is(ferr, fs.ErrNotExist))
	fmt.Println(find(3) == nil)
}
