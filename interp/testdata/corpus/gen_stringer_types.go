package main

import (
	"fmt"
	"strings"
)

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s Stack[T]) String() string {
	var b strings.Builder
	b.WriteString("Stack(")
	for i, it := range s.items {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, it)
	}
	b.WriteString(")")
	return b.String()
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func main() {
	var s Stack[int]
	s.Push(1)
	s.Push(2)
	fmt.Println(s)
	fmt.Printf("%v %s\n", s, s.String())
	p := Pair[string, int]{"a", 1}
	fmt.Println(p, []Pair[string, int]{p})
}
