package main

import (
	"errors"
	"fmt"
)

func double(x int) (result int) {
	defer func() { result *= 2 }()
	result = x + 1
	return
}

func triple(x int) (r int) {
	defer func() { r += x }()
	return x * 2
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

func order() (s string) {
	for i := 0; i < 3; i++ {
		defer func() { s += fmt.Sprint(i) }()
	}
	return "x"
}

func args() {
	v := 1
	defer fmt.Println("deferred sees", v)
	v = 2
	fmt.Println("now", v)
}

func wrap() (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("wrap: %w", err)
		}
	}()
	return errors.New("base")
}

func main() {
	fmt.Println(double(4), triple(5))
	fmt.Println(safeDiv(7, 2))
	q, err := safeDiv(1, 0)
	fmt.Println(q, err)
	fmt.Println(order())
	args()
	fmt.Println(wrap())
}
