package main

import "fmt"

// Index returns the index of x in s, or -1 if not found.
func Index[T comparable](s []T, x T) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}

// List represents a singly-linked list that holds
// values of any type.
type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Push(v T) *List[T] {
	return &List[T]{next: l, val: v}
}

func (l *List[T]) All() []T {
	var out []T
	for n := l; n != nil; n = n.next {
		out = append(out, n.val)
	}
	return out
}

func main() {
	si := []int{10, 20, 15, -10}
	fmt.Println(Index(si, 15))
	ss := []string{"foo", "bar", "baz"}
	fmt.Println(Index(ss, "hello"))
	var l *List[int]
	l = l.Push(1).Push(2).Push(3)
	fmt.Println(l.All())
	ls := &List[string]{val: "a"}
	ls = ls.Push("b")
	fmt.Println(ls.All(), len(ls.All()))
}
