package main

import "fmt"

func Double[T ~int | ~float64](x T) T { return x + x }

func Apply[T any](xs []T, f func(T) T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func Compose[A, B, C any](f func(A) B, g func(B) C) func(A) C {
	return func(a A) C { return g(f(a)) }
}

type Meters float64

func Convert[To, From ~float64](x From) To { return To(x) }

func main() {
	dInt := Double[int]
	dFloat := Double[float64]
	fmt.Println(dInt(21), dFloat(1.5))
	fmt.Println(Apply([]int{1, 2, 3}, Double[int]))
	fmt.Println(Apply([]Meters{1.5, 2}, Double[Meters]))
	quad := Compose(Double[int], Double[int])
	fmt.Println(quad(5))
	toStr := Compose(Double[int], func(n int) string { return fmt.Sprint("n=", n) })
	fmt.Println(toStr(4))
	m := Convert[Meters](3.5)
	fmt.Printf("%v %T\n", m, m)
	fs := map[string]func(int) int{"double": Double[int], "quad": quad}
	fmt.Println(fs["double"](10), fs["quad"](10))
}
