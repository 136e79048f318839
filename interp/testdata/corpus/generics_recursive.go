package main

import "fmt"

type Tree[T any] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T, less func(a, b T) bool) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if less(v, t.Val) {
		t.Left = t.Left.Insert(v, less)
	} else {
		t.Right = t.Right.Insert(v, less)
	}
	return t
}

func (t *Tree[T]) Walk(visit func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(visit)
	visit(t.Val)
	t.Right.Walk(visit)
}

func (t *Tree[T]) Depth() int {
	if t == nil {
		return 0
	}
	return 1 + max(t.Left.Depth(), t.Right.Depth())
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
	l.head = &node[T]{val: v, next: l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

func main() {
	var root *Tree[int]
	for _, v := range []int{50, 30, 70, 20, 40, 60, 80, 35} {
		root = root.Insert(v, func(a, b int) bool { return a < b })
	}
	root.Walk(func(v int) { fmt.Print(v, " ") })
	fmt.Println("depth", root.Depth())

	var l List[string]
	l.Push("c")
	l.Push("b")
	l.Push("a")
	l.Each(func(s string) { fmt.Print(s) })
	fmt.Println(" size", l.size)
}
