package main

import (
	"fmt"
	"sort"
)

type City struct {
	Name string
	Pop  int
}

type Set[T comparable] struct {
	m map[T]bool
}

func (s *Set[T]) Add(v T) {
	if s.m == nil {
		s.m = map[T]bool{}
	}
	s.m[v] = true
}

func (s *Set[T]) Filter(keep func(T) bool) *Set[T] {
	out := &Set[T]{m: map[T]bool{}}
	for v := range s.m {
		if keep(v) {
			out.Add(v)
		}
	}
	return out
}

func (s *Set[T]) Len() int { return len(s.m) }

func Collect[T comparable, K any](s *Set[T], key func(T) K) []K {
	var out []K
	for v := range s.m {
		out = append(out, key(v))
	}
	return out
}

func Transform[T comparable, U comparable](s *Set[T], f func(T) U) *Set[U] {
	out := &Set[U]{}
	for v := range s.m {
		out.Add(f(v))
	}
	return out
}

func main() {
	var cities Set[City]
	cities.Add(City{"Oslo", 700})
	cities.Add(City{"Rome", 2800})
	cities.Add(City{"Bern", 130})
	big := cities.Filter(func(c City) bool { return c.Pop > 500 })
	names := Collect(big, func(c City) string { return c.Name })
	sort.Strings(names)
	fmt.Println(big.Len(), names)
	pops := Transform(&cities, func(c City) int { return c.Pop / 100 })
	ks := Collect(pops, func(i int) int { return i })
	sort.Ints(ks)
	fmt.Println(ks)
}
