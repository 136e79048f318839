package main

import (
	"fmt"
	"sort"
)

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

type Set[T comparable] struct {
	m map[T]bool
}

func NewSet[T comparable](xs ...T) *Set[T] {
	s := &Set[T]{m: map[T]bool{}}
	for _, x := range xs {
		s.Add(x)
	}
	return s
}

func (s *Set[T]) Add(x T)      { s.m[x] = true }
func (s *Set[T]) Has(x T) bool { return s.m[x] }
func (s *Set[T]) Len() int     { return len(s.m) }

type Grade string

func SortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

func main() {
	p := MakePair("age", 42)
	fmt.Println(p.Key, p.Val)
	q := Pair[string, float64]{"pi", 3.14}
	fmt.Println(q.Key, q.Val)
	s := NewSet(3, 1, 3, 2)
	fmt.Println(s.Len(), s.Has(2), s.Has(7))
	grades := NewSet[Grade]("A", "B")
	grades.Add("A")
	fmt.Println(grades.Len(), grades.Has("B"))
	scores := map[Grade]int{"B": 2, "A": 5, "C": 1}
	for _, k := range SortedKeys(scores) {
		fmt.Print(k, ":", scores[k], " ")
	}
	fmt.Println()
	ks := SortedKeys(map[string]bool{"z": true, "m": false})
	fmt.Println(ks, len(ks))
}
