package main

import (
	"errors"
	"fmt"
	"strconv"
)

func Zero[T any]() T {
	var z T
	return z
}

func Ptr[T any](v T) *T { return &v }

func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func FirstOr[T any](xs []T, def T) T {
	if len(xs) == 0 {
		return def
	}
	return xs[0]
}

type Config struct {
	Name    string
	Retries *int
}

func main() {
	fmt.Printf("%q %v %v\n", Zero[string](), Zero[int](), Zero[*Config]() == nil)
	fmt.Printf("%+v\n", Zero[Config]())
	c := Config{Name: "svc", Retries: Ptr(3)}
	fmt.Println(c.Name, *c.Retries)
	n := Must(strconv.Atoi("42"))
	fmt.Println(n + 1)
	fmt.Println(FirstOr([]string{}, "none"), FirstOr([]Config{c}, Config{}).Name)
	defer func() {
		r := recover()
		err, ok := r.(error)
		fmt.Println("recovered:", ok, err, errors.Is(err, strconv.ErrSyntax))
	}()
	Must(strconv.Atoi("x1"))
}
