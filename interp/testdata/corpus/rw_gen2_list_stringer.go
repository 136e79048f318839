package main

import "fmt"

type List[T any] struct {
	head *element[T]
	tail *element[T]
	n    int
}

type element[T any] struct {
	next *element[T]
	val  T
}

func (l *List[T]) Push(v T) {
	e := &element[T]{val: v}
	if l.tail == nil {
		l.head = e
	} else {
		l.tail.next = e
	}
	l.tail = e
	l.n++
}

func (l *List[T]) All() []T {
	var out []T
	for e := l.head; e != nil; e = e.next {
		out = append(out, e.val)
	}
	return out
}

func (l *List[T]) String() string {
	return fmt.Sprintf("List(%d)%v", l.n, l.All())
}

func Map[T, U any](l *List[T], f func(T) U) *List[U] {
	out := &List[U]{}
	for e := l.head; e != nil; e = e.next {
		out.Push(f(e.val))
	}
	return out
}

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

func main() {
	var l List[int]
	l.Push(1)
	l.Push(2)
	l.Push(3)
	fmt.Println(l.All(), l.n)
	fmt.Println(&l)
	pts := Map(&l, func(i int) Point { return Point{i, i * i} })
	fmt.Println(pts.All())
	fmt.Println(pts)
	strs := Map(pts, func(p Point) string { return p.String() })
	fmt.Printf("%q\n", strs.All())
}
