package main

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func at(xs []string, i int) (s string, err error) {
	defer func() {
		if r := recover(); r != nil {
			if re, ok := r.(runtime.Error); ok {
				err = re
				return
			}
			panic(r)
		}
	}()
	return xs[i], nil
}

type Config struct{ Port int }

func port(c *Config) (p int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("no config: %v", r)
		}
	}()
	return c.Port, nil
}

func mustAtoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	return n
}

func main() {
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(at([]string{"a", "b"}, 1))
	_, err := at([]string{"a", "b"}, 4)
	fmt.Println(err)
	fmt.Println(port(&Config{8080}))
	fmt.Println(port(nil))
	func() {
		defer func() {
			r := recover()
			err, ok := r.(error)
			fmt.Println("recovered error:", ok, err)
			var ne *strconv.NumError
			fmt.Println(errors.As(err, &ne), ne.Func)
		}()
		mustAtoi("x1")
	}()
	func() {
		defer func() {
			fmt.Println("recovered:", recover())
		}()
		panic(errors.New("custom failure"))
	}()
	var arr [3]int
	k := 3
	func() {
		defer func() { fmt.Println(recover()) }()
		arr[k%4] = 1
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		s := []int{1, 2, 3}
		fmt.Println(s[1 : k+2])
	}()
}
