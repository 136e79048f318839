package main

import (
	"errors"
	"fmt"
)

type ValidationError struct {
	Field string
	Msg   string
}

func (e ValidationError) Error() string { return e.Field + ": " + e.Msg }

type Result struct {
	Name string
	Err  error
}

func validate(age int) error {
	if age < 0 {
		return ValidationError{"age", "must not be negative"}
	}
	return nil
}

func main() {
	err := validate(-1)
	fmt.Println(err)
	fmt.Printf("%v|%s|%q\n", err, err, err)
	fmt.Println(validate(5) == nil, validate(-3))
	errs := []error{ValidationError{"name", "empty"}, errors.New("plain")}
	fmt.Println(errs)
	fmt.Println(Result{"r1", ValidationError{"x", "bad"}})
	fmt.Printf("%+v\n", Result{"r2", nil})
	m := map[string]error{"k": ValidationError{"k", "missing"}}
	fmt.Println(m)
	var ve ValidationError
	if errors.As(err, &ve) {
		fmt.Println("field:", ve.Field)
	}
	fmt.Println(fmt.Errorf("saving: %w", err))
}
