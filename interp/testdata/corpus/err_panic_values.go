package main

import (
	"errors"
	"fmt"
	"strconv"
)

type InputError struct {
	Field string
	Value string
}

func (e InputError) Error() string { return "bad " + e.Field + ": " + strconv.Quote(e.Value) }

type Speaker interface{ Speak() string }

type Dog struct{ name string }

func (d *Dog) Speak() string { return d.name + " says woof" }

func mustPositive(field, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		panic(InputError{field, s})
	}
	return n
}

func parse(fields map[string]string, order []string) (total int, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = fmt.Errorf("parse: %w", e)
				return
			}
			panic(r)
		}
	}()
	for _, k := range order {
		total += mustPositive(k, fields[k])
	}
	return total, nil
}

func speak(s Speaker) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("recovered: ", r)
		}
	}()
	return s.Speak()
}

func main() {
	fields := map[string]string{"a": "3", "b": "4", "c": "x"}
	fmt.Println(parse(fields, []string{"a", "b"}))
	total, err := parse(fields, []string{"a", "c", "b"})
	fmt.Println(total, err)
	var ie InputError
	if errors.As(err, &ie) {
		fmt.Printf("field %s value %q (%T)\n", ie.Field, ie.Value, ie)
	}
	fmt.Println(errors.Is(err, InputError{"c", "x"}), errors.Is(err, InputError{"c", "y"}))
	fmt.Println(speak(&Dog{"rex"}))
	var s Speaker
	fmt.Println(speak(s))
	var d *Dog
	fmt.Println(speak(d))
}
