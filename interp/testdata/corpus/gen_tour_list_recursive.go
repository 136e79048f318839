package main

import (
	"fmt"
	"strings"
)

// List represents a singly-linked list that holds
// values of any type.
type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Push(v T) *List[T] {
	return &List[T]{next: l, val: v}
}

func (l *List[T]) String() string {
	var parts []string
	for n := l; n != nil; n = n.next {
		parts = append(parts, fmt.Sprint(n.val))
	}
	return "[" + strings.Join(parts, " -> ") + "]"
}

func (l *List[T]) Len() int {
	if l == nil {
		return 0
	}
	return 1 + l.next.Len()
}

func FromSlice[T any](xs []T) *List[T] {
	var l *List[T]
	for i := len(xs) - 1; i >= 0; i-- {
		l = l.Push(xs[i])
	}
	return l
}

type City struct {
	Name string
	Pop  int
}

func main() {
	var l *List[int]
	l = l.Push(3).Push(2).Push(1)
	fmt.Println(l.String(), l.Len())
	words := FromSlice([]string{"a", "b", "c"})
	fmt.Println(words.String(), words.Len())
	cities := FromSlice([]City{{"Oslo", 700}, {"Lima", 9700}})
	fmt.Println(cities.val.Name, cities.next.val.Pop, cities.Len())
	fmt.Printf("%T %T\n", l, cities)
}
