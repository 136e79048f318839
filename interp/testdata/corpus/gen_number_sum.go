package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

type Money float64

func Sum[T Number](xs []T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

// SumValues sums the values of a map.
func SumValues[K comparable, V Number](m map[K]V) V {
	var s V
	for _, v := range m {
		s += v
	}
	return s
}

func Scale[T Number](xs []T, by T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = x * by
	}
	return out
}

func main() {
	ints := map[string]int64{"first": 34, "second": 12}
	floats := map[string]float64{"first": 35.98, "second": 26.99}
	fmt.Printf("Generic Sums: %v and %v\n", SumValues(ints), SumValues(floats))
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{0.5, 0.25}))
	prices := []Money{9.99, 0.01, 5}
	total := Sum(prices)
	fmt.Printf("%.2f %T\n", total, total)
	doubled := Scale(prices, 2)
	fmt.Println(len(doubled), Sum(doubled))
	fmt.Printf("%T\n", Sum(Scale([]int{1, 2}, 3)))
}
