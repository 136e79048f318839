package main

import (
	"fmt"
	"sort"
)

type Set[T comparable] struct {
	m map[T]struct{}
}

func NewSet[T comparable](items ...T) *Set[T] {
	s := &Set[T]{m: make(map[T]struct{})}
	for _, it := range items {
		s.Add(it)
	}
	return s
}

func (s *Set[T]) Add(v T) { s.m[v] = struct{}{} }

func (s *Set[T]) Has(v T) bool {
	_, ok := s.m[v]
	return ok
}

func (s *Set[T]) Len() int { return len(s.m) }

func (s *Set[T]) Items() []T {
	out := make([]T, 0, len(s.m))
	for k := range s.m {
		out = append(out, k)
	}
	return out
}

func Intersect[T comparable](a, b *Set[T]) *Set[T] {
	out := NewSet[T]()
	for _, v := range a.Items() {
		if b.Has(v) {
			out.Add(v)
		}
	}
	return out
}

type Tag string

func main() {
	a := NewSet(1, 2, 3, 4)
	b := NewSet(3, 4, 5)
	both := Intersect(a, b).Items()
	sort.Ints(both)
	fmt.Println(both, a.Len(), b.Has(5), a.Has(5))
	t1 := NewSet[Tag]("go", "rust", "zig")
	t2 := NewSet[Tag]("go", "zig", "c")
	common := Intersect(t1, t2)
	items := common.Items()
	sort.Slice(items, func(i, j int) bool { return items[i] < items[j] })
	fmt.Println(items, common.Len())
}
