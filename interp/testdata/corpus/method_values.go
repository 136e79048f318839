package main

import (
	"fmt"
	"strings"
)

type Greeter struct{ greeting string }

func (g Greeter) Greet(name string) string { return g.greeting + ", " + name }

type Acc struct{ total int }

func (a *Acc) Add(n int) { a.total += n }

func main() {
	hello := Greeter{"Hello"}
	f := hello.Greet
	fmt.Println(f("ann"), hello.Greet("bob"))
	g := Greeter.Greet
	fmt.Println(g(Greeter{"Hi"}, "cy"))
	acc := &Acc{}
	add := acc.Add
	for _, n := range []int{1, 2, 3} {
		add(n)
	}
	fmt.Println(acc.total)
	upper := strings.ToUpper
	fmt.Println(upper("x"), strings.Map(func(r rune) rune { return r + 1 }, "HAL"))
	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(ops["add"](3, 4), ops["mul"](3, 4))
}
