package main

import (
	"fmt"
	"strings"
)

type node[T any] struct {
	val  T
	next *node[T]
}

type List[T any] struct {
	head *node[T]
	size int
}

func (l *List[T]) PushFront(v T) {
	l.head = &node[T]{val: v, next: l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

func (l *List[T]) Slice() []T {
	var out []T
	l.Each(func(v T) { out = append(out, v) })
	return out
}

func MapList[T, U any](l *List[T], f func(T) U) *List[U] {
	res := &List[U]{}
	vals := l.Slice()
	for i := len(vals) - 1; i >= 0; i-- {
		res.PushFront(f(vals[i]))
	}
	return res
}

func main() {
	l := &List[string]{}
	for _, w := range []string{"go", "is", "fun"} {
		l.PushFront(w)
	}
	fmt.Println(l.Slice(), l.size)
	up := MapList(l, strings.ToUpper)
	fmt.Println(up.Slice())
	lens := MapList(l, func(s string) int { return len(s) })
	total := 0
	lens.Each(func(n int) { total += n })
	fmt.Println(lens.Slice(), total)
}
