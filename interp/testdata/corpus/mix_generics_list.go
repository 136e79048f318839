package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func SumMap[K comparable, V Number](m map[K]V) V {
	var s V
	for _, v := range m {
		s += v
	}
	return s
}

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) All() []T {
	var out []T
	for n := l.head; n != nil; n = n.next {
		out = append(out, n.val)
	}
	return out
}

type Score int

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	fmt.Println(SumMap(map[string]int{"a": 1, "b": 2}))
	fmt.Println(SumMap(map[string]float64{"x": 1.5, "y": 2.25}))
	fmt.Println(SumMap(map[int]Score{1: 10, 2: 20}))
	var l List[string]
	l.Push("a")
	l.Push("b")
	fmt.Println(l.All(), l.size)
	li := &List[Score]{}
	li.Push(3)
	fmt.Printf("%v %T\n", li.All(), li.All())
	strs := Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(i * i) })
	fmt.Printf("%q\n", strs)
	fmt.Println(Map(li.All(), func(s Score) float64 { return float64(s) / 2 }))
}
