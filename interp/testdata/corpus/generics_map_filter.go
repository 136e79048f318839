package main

import (
	"fmt"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
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

func main() {
	people := []Person{{"ann", 31}, {"bob", 17}, {"cid", 45}}
	adults := Filter(people, func(p Person) bool { return p.Age >= 18 })
	fmt.Println(adults)
	names := Map(adults, func(p Person) string { return p.Name })
	fmt.Println(strings.Join(names, ","))
	total := Reduce(people, 0, func(sum int, p Person) int { return sum + p.Age })
	fmt.Println(total)
	lens := Map([]string{"a", "bb", "ccc"}, func(s string) int { return len(s) })
	fmt.Printf("%v %T\n", lens, lens)
	upper := Map(names, strings.ToUpper)
	fmt.Println(upper)
}
