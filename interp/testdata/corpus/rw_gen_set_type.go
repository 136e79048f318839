package main

import (
	"cmp"
	"fmt"
	"slices"
)

type Set[T cmp.Ordered] map[T]struct{}

func NewSet[T cmp.Ordered](xs ...T) Set[T] {
	s := Set[T]{}
	for _, x := range xs {
		s.Add(x)
	}
	return s
}

func (s Set[T]) Add(x T)      { s[x] = struct{}{} }
func (s Set[T]) Has(x T) bool { _, ok := s[x]; return ok }
func (s Set[T]) Sorted() []T {
	out := make([]T, 0, len(s))
	for k := range s {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func (s Set[T]) Union(o Set[T]) Set[T] {
	r := NewSet[T]()
	for k := range s {
		r.Add(k)
	}
	for k := range o {
		r.Add(k)
	}
	return r
}

type City string

var visited = NewSet[City]("Oslo", "Lima")

func main() {
	visited.Add("Kyoto")
	fmt.Println(visited.Has("Lima"), visited.Has("Rome"))
	fmt.Println(visited.Sorted(), len(visited))
	a := NewSet(3, 1, 2)
	b := NewSet(2, 5)
	fmt.Println(a.Union(b).Sorted())
	fmt.Println(NewSet[string]().Sorted())
}
