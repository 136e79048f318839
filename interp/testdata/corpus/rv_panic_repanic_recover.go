package main

import (
	"errors"
	"fmt"
	"runtime"
)

type ValidationError struct {
	Field string
}

func (v *ValidationError) Error() string { return "invalid " + v.Field }

func validate(age int) {
	if age < 0 {
		panic(&ValidationError{"age"})
	}
}

func guard(f func()) (err error) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case runtime.Error:
			err = fmt.Errorf("runtime: %v", r)
		case error:
			err = fmt.Errorf("error: %w", r)
		default:
			err = fmt.Errorf("value: %v (%T)", r, r)
		}
	}()
	f()
	return nil
}

func main() {
	fmt.Println(guard(func() { validate(5) }))
	err := guard(func() { validate(-1) })
	fmt.Println(err)
	var ve *ValidationError
	fmt.Println(errors.As(err, &ve), ve.Field)
	fmt.Println(guard(func() { var a []int; _ = a[1] }))
	fmt.Println(guard(func() { panic(42) }))
	fmt.Println(guard(func() { panic("text") }))
	fmt.Println(guard(func() { panic(errors.New("plain")) }))
	fmt.Println(recover())
	outer := func() (msg string) {
		defer func() {
			msg = fmt.Sprint("outer caught: ", recover())
		}()
		func() {
			defer func() {
				r := recover()
				panic(fmt.Sprint("re-panic of ", r))
			}()
			panic("first")
		}()
		return "unreachable"
	}
	fmt.Println(outer())
}
