package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type List[T any] struct {
	items []T
}

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }

func (l *List[T]) Len() int { return len(l.items) }

func (l *List[T]) Each(f func(int, T)) {
	for i, v := range l.items {
		f(i, v)
	}
}

func Zip[K comparable, V any](ks []K, vs []V) *List[Pair[K, V]] {
	l := &List[Pair[K, V]]{}
	for i := range ks {
		l.Push(Pair[K, V]{ks[i], vs[i]})
	}
	return l
}

type Grade struct {
	Name  string
	Score int
}

func main() {
	l := Zip([]string{"a", "b", "c"}, []int{1, 2, 3})
	fmt.Println(l.Len())
	l.Each(func(i int, p Pair[string, int]) {
		fmt.Println(i, p.Key, p.Val, p)
	})
	g := List[Grade]{}
	g.Push(Grade{"ann", 90})
	g.Push(Grade{"bob", 72})
	total := 0
	g.Each(func(_ int, x Grade) { total += x.Score })
	fmt.Println("total", total, g.Len())
	var nested List[List[int]]
	inner := List[int]{}
	inner.Push(7)
	nested.Push(inner)
	fmt.Println(nested.Len(), nested.items[0].items)
}
