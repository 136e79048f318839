package main

import "fmt"

func Double[T ~int | ~float64](x T) T { return x * 2 }

func ApplyAll(xs []int, f func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func Ident[T any](x T) T { return x }

func main() {
	fmt.Println(ApplyAll([]int{1, 2}, Double))
	d := Double[float64]
	fmt.Println(d(1.25))
	var f func(int) int = Double
	fmt.Println(f(21))
	fmt.Println(Ident(Ident(3)), Ident[any](nil))
}
