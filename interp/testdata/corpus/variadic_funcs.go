package main

import (
	"fmt"
	"strings"
)

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func join(sep string, parts ...string) string { return strings.Join(parts, sep) }

func apply(fs ...func(int) int) func(int) int {
	return func(x int) int {
		for _, f := range fs {
			x = f(x)
		}
		return x
	}
}

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	xs := []int{4, 5, 6}
	fmt.Println(sum(xs...))
	fmt.Println(join("-", "a", "b", "c"), join("/"))
	f := apply(func(x int) int { return x + 1 }, func(x int) int { return x * 10 })
	fmt.Println(f(1))
	args := []any{"x", 1, true}
	fmt.Println(args...)
}
