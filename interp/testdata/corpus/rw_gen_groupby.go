package main

import (
	"fmt"
	"sort"
)

type Employee struct {
	Name   string
	Dept   string
	Salary int
}

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	out := make(map[K][]T)
	for _, x := range xs {
		k := key(x)
		out[k] = append(out[k], x)
	}
	return out
}

func SumBy[T any](xs []T, f func(T) int) int {
	total := 0
	for _, x := range xs {
		total += f(x)
	}
	return total
}

func Keys[K comparable, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

var staff = []Employee{
	{"Ann", "eng", 120}, {"Bob", "ops", 90}, {"Cid", "eng", 110}, {"Dee", "sales", 70},
}

func main() {
	byDept := GroupBy(staff, func(e Employee) string { return e.Dept })
	depts := Keys(byDept)
	sort.Strings(depts)
	for _, d := range depts {
		es := byDept[d]
		fmt.Printf("%-6s n=%d total=%d first=%v\n", d, len(es), SumBy(es, func(e Employee) int { return e.Salary }), es[0])
	}
	byHigh := GroupBy(staff, func(e Employee) bool { return e.Salary >= 100 })
	fmt.Println(len(byHigh[true]), len(byHigh[false]), byHigh[true][1].Name)
}
