package main

import (
	"fmt"
	"strings"
)

type op func(a, b int) int

func apply(f op, a, b int) int { return f(a, b) }

func main() {
	var fib func(n int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println(fib(10))
	ops := map[string]op{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	for _, k := range []string{"add", "mul"} {
		fmt.Println(k, apply(ops[k], 6, 7))
	}
	shout := func(s string) string { return strings.ToUpper(s) + "!" }
	compose := func(fs ...func(string) string) func(string) string {
		return func(s string) string {
			for _, f := range fs {
				s = f(s)
			}
			return s
		}
	}
	trim := strings.TrimSpace
	both := compose(trim, shout)
	fmt.Printf("%q\n", both("  hi there "))
	result := func(x int) int { return x * x }(9)
	fmt.Println(result)
	var pick op
	fmt.Println(pick == nil)
	pick = ops["add"]
	fmt.Println(pick != nil, pick(1, 2))
	fmt.Printf("%T\n", shout)
}
