package main

import (
	"fmt"
	"strings"
)

func split(s string) (string, string, bool) {
	before, after, ok := strings.Cut(s, "=")
	return before, after, ok
}

var a, b = "A", "B"

func main() {
	k, v, ok := split("x=1")
	fmt.Println(k, v, ok)
	{
		k, w, ok := split("y=2")
		fmt.Println("inner", k, w, ok)
		v = w
	}
	fmt.Println("outer", k, v, ok)
	k, extra, ok := split("novalue")
	fmt.Println(k, extra == "", ok)
	a, b := b, a
	fmt.Println(a, b)
	func() {
		a, c := 1, 2
		fmt.Println("func", a, c)
	}()
	fmt.Println(a, b)
	x, y := 1, 2
	x, y = y, x+y
	fmt.Println(x, y)
	if y, z := x*10, y*10; y < z {
		fmt.Println("if", y, z)
	}
	fmt.Println(x, y)
	m := map[string]int{"one": 1}
	if n, found := m["one"]; found {
		m := map[string]int{"copy": n}
		fmt.Println(m)
	}
	fmt.Println(m)
}
