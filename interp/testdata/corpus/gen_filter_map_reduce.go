package main

import (
	"fmt"
	"strconv"
	"strings"
)

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

type Product struct {
	Name  string
	Price float64
	Stock int
}

func inStock(p Product) bool { return p.Stock > 0 }

func Summary(ps []Product) string {
	names := Map(Filter(ps, inStock), func(p Product) string { return p.Name })
	return strings.Join(names, "+")
}

func main() {
	products := []Product{{"pen", 1.5, 10}, {"ink", 7.25, 0}, {"pad", 3, 4}}
	available := Filter(products, inStock)
	fmt.Println(len(available), available[1].Name)
	value := Reduce(available, 0.0, func(acc float64, p Product) float64 { return acc + p.Price*float64(p.Stock) })
	fmt.Printf("%.2f %T\n", value, value)
	labels := Map([]int{1, 2, 3}, strconv.Itoa)
	fmt.Printf("%q\n", labels)
	shout := Map(labels, func(s string) string { return s + "!" })
	fmt.Println(shout, Summary(products))
	counts := Map(products, func(p Product) int { return p.Stock })
	total := Reduce(counts, 0, func(a, b int) int { return a + b })
	fmt.Println(counts, total)
	upper := Map(strings.Fields("go is fun"), strings.ToUpper)
	fmt.Println(upper, len(upper))
}
