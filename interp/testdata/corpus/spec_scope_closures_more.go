package main

import (
	"errors"
	"fmt"
	"strconv"
)

var errBad = errors.New("bad")

func parse(s string) (int, error) {
	if s == "" {
		return 0, errBad
	}
	return strconv.Atoi(s)
}

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }
func (c *Counter) Inc()    { c.n++ }

func main() {
	var err error
	n := -1
	if n, err := parse("42"); err == nil {
		fmt.Println("inner", n)
	} else if n, err := parse(""); err != nil {
		fmt.Println("else", n, err)
	}
	fmt.Println("outer", n, err)
	for _, s := range []string{"1", "", "x"} {
		v, err := parse(s)
		if err != nil {
			fmt.Println("err:", err)
			continue
		}
		fmt.Println("ok:", v)
	}
	c := Counter{}
	get := c.Get
	inc := c.Inc
	inc()
	inc()
	fmt.Println(get(), c.Get(), c.n)
	makeAdders := func() []func(int) int {
		var fs []func(int) int
		for _, k := range []int{1, 10, 100} {
			fs = append(fs, func(x int) int { return x + k })
		}
		return fs
	}
	for _, f := range makeAdders() {
		fmt.Print(f(1), " ")
	}
	fmt.Println()
	x := 1
	func() {
		x := 2
		x++
		_ = x
	}()
	func() { x++ }()
	fmt.Println(x)
	acc := 0
	apply := func(fs ...func()) {
		for _, f := range fs {
			f()
		}
	}
	apply(func() { acc += 1 }, func() { acc *= 10 })
	fmt.Println(acc)
}
