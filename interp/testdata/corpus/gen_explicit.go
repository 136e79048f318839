package main

import (
	"fmt"
	"strconv"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Convert[To, From int | float64](xs []From) []To {
	out := make([]To, len(xs))
	for i, x := range xs {
		out[i] = To(x)
	}
	return out
}

func Zero[T any]() T {
	var z T
	return z
}

type Celsius float64

func main() {
	a := Map[int, string]([]int{1, 2}, strconv.Itoa)
	fmt.Println(a)
	b := Convert[float64]([]int{1, 2})
	fmt.Printf("%v %T\n", b, b)
	c := Convert[int, float64]([]float64{1.5, 2.5})
	fmt.Println(c)
	z := Zero[Celsius]()
	fmt.Printf("%v %T\n", z, z)
	fmt.Println(Zero[string]() == "", Zero[int]())
	f := func(xs []int) []string { return Map(xs, func(i int) string { return strconv.Itoa(i * 2) }) }
	fmt.Println(f([]int{4}))
}
