package main

import (
	"fmt"
	"sort"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Fact[T Number](n T) T {
	if n <= 1 {
		return 1
	}
	return n * Fact(n-1)
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func MinMax[T Number](xs []T) (lo, hi T) {
	lo, hi = xs[0], xs[0]
	for _, x := range xs {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return
}

type Inventory map[string]int

type Matrix[T Number] [][]T

func (m Matrix[T]) Sum() T {
	var s T
	for _, row := range m {
		for _, v := range row {
			s += v
		}
	}
	return s
}

func Zip[A, B any](as []A, bs []B) []struct {
	First  A
	Second B
} {
	var out []struct {
		First  A
		Second B
	}
	for i := range as {
		out = append(out, struct {
			First  A
			Second B
		}{as[i], bs[i]})
	}
	return out
}

type Optional[T any] struct {
	value T
	set   bool
}

func Some[T any](v T) Optional[T] { return Optional[T]{v, true} }
func None[T any]() Optional[T]    { return Optional[T]{} }

func (o Optional[T]) OrElse(d T) T {
	if o.set {
		return o.value
	}
	return d
}

func main() {
	fmt.Println(Fact(5), Fact(5.0), Fact(int64(10)))
	inv := Inventory{"b": 2, "a": 1}
	ks := Keys(inv)
	sort.Strings(ks)
	fmt.Println(ks)
	lo, hi := MinMax([]float64{2.5, -1, 9})
	fmt.Println(lo, hi)
	m := Matrix[int]{{1, 2}, {3, 4}}
	fmt.Println(m.Sum(), Matrix[float64]{{0.5}}.Sum())
	for _, p := range Zip([]string{"a", "b"}, []int{1, 2}) {
		fmt.Print(p.First, p.Second, " ")
	}
	fmt.Println()
	name := Some("gopher").OrElse("anon")
	missing := None[string]().OrElse("anon")
	fmt.Println(name, missing, strings.Repeat("=", Some(3).OrElse(0)))
}
