package main

import (
	"fmt"
	"strconv"
	"strings"
)

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

func Keys[K comparable, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func main() {
	nums := []int{1, 2, 3, 4, 5}
	fmt.Println(strings.Join(Map(nums, func(n int) string { return strconv.Itoa(n * n) }), ","))
	fmt.Println(Filter(nums, func(n int) bool { return n%2 == 1 }))
	fmt.Println(Reduce(nums, "", func(acc string, n int) string { return acc + strconv.Itoa(n) }))
	fmt.Println(Reduce(nums, 0.5, func(acc float64, n int) float64 { return acc + float64(n) }))
	fmt.Println(Map([]string{"go", "cells"}, func(s string) int { return len(s) }))
	fmt.Println(len(Keys(map[string]bool{"a": true, "b": false})))
}
