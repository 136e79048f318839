package main

import (
	"errors"
	"fmt"
)

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func order() {
	defer trace("order")()
	for i := range 3 {
		defer fmt.Println("defer", i)
	}
	x := 10
	defer fmt.Println("x at defer time:", x)
	x = 20
	fmt.Println("x now:", x)
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

func double() (n int) {
	defer func() { n *= 2 }()
	return 21
}

func nested() (msg string) {
	defer func() {
		r := recover()
		msg = fmt.Sprint("outer caught: ", r)
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

func main() {
	order()
	fmt.Println(divide(7, 2))
	q, err := divide(1, 0)
	fmt.Println(q, err)
	fmt.Println(double())
	fmt.Println(nested())
	func() {
		defer func() {
			r := recover()
			if e, ok := r.(error); ok {
				fmt.Println("error value:", e, errors.Is(e, errBad))
			}
		}()
		panic(errBad)
	}()
	fmt.Println("done")
}

var errBad = errors.New("bad thing")
