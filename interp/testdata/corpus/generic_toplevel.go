package main

import (
	"fmt"
	"maps"
	"slices"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	// Notebook variables declared from generic calls whose result type is
	// not the type of an argument.
	squares := Map([]int{1, 2, 3}, func(n int) int { return n * n })
	fmt.Println(squares)
	keys := slices.Sorted(maps.Keys(map[string]int{"b": 1, "a": 2}))
	fmt.Println(keys)
}
