package main

import (
	"fmt"
	"strings"
)

type Number interface {
	~int | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Average[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(Sum(xs)) / float64(len(xs))
}

func Double[T Number](x T) T { return x * 2 }

func ApplyAll(xs []int, f func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

type Inventory struct {
	counts []int
	names  []string
}

func (inv Inventory) Total() int { return Sum(inv.counts) }

func (inv Inventory) Label() string {
	return strings.Join(MapStrings(inv.names, strings.Title), "/")
}

func MapStrings[T any](xs []T, f func(T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Tree[T interface{ ~int | ~string }] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(visit func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(visit)
	visit(t.Val)
	t.Right.Walk(visit)
}

func main() {
	fmt.Println(Average([]int{1, 2, 4}), Average([]float64{}))
	fmt.Println(ApplyAll([]int{1, 2}, Double[int]))
	inv := Inventory{[]int{3, 4}, []string{"nuts", "bolts"}}
	fmt.Println(inv.Total(), inv.Label())
	var root *Tree[string]
	for _, w := range strings.Fields("m c x a") {
		root = root.Insert(w)
	}
	var words []string
	root.Walk(func(s string) { words = append(words, s) })
	fmt.Println(words)
	sum := 0
	var nums *Tree[int]
	for _, n := range []int{5, 2, 8} {
		nums = nums.Insert(n)
	}
	nums.Walk(func(n int) { sum = sum*10 + n })
	fmt.Println(sum)
}
