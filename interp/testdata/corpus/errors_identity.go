package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return e.Key + " not found" }

var ErrGone = &NotFound{"gone"}

func lookup(k string) error {
	if k == "gone" {
		return ErrGone
	}
	return &NotFound{k}
}

func main() {
	err := lookup("gone")
	fmt.Println(err == ErrGone, errors.Is(err, ErrGone))
	wrapped := fmt.Errorf("lookup: %w", err)
	fmt.Println(errors.Unwrap(wrapped) == err)
	fmt.Printf("%T\n", err)
}
