package main

import (
	"fmt"
	"strconv"
	"strings"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
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

type Word string

func (w Word) Len() int { return len(w) }

func isEven(n int) bool { return n%2 == 0 }

func main() {
	nums := []int{1, 2, 3, 4, 5, 6}
	strs := Map(nums, strconv.Itoa)
	fmt.Println(strings.Join(strs, "-"))
	fmt.Println(Filter(nums, isEven))
	fmt.Println(Reduce(nums, 0, func(a, b int) int { return a + b }))
	fmt.Println(Reduce(strs, "", func(a string, s string) string { return s + a }))
	words := []Word{"go", "gopher", "cell"}
	fmt.Println(Map(words, Word.Len))
	fmt.Println(Map(Map(words, Word.Len), strconv.Itoa))
	upper := Map([]string{"x", "y"}, strings.ToUpper)
	fmt.Printf("%q\n", upper)
}
