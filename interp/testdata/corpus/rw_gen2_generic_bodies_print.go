package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Print() { fmt.Println("stack:", s.items) }

func Show[T any](label string, v T) { fmt.Printf("%s=%v\n", label, v) }

func ShowAll[T any](xs []T) {
	for i, x := range xs {
		fmt.Println(i, x)
	}
}

type Wrapper[T fmt.Stringer] struct{ inner T }

func (w Wrapper[T]) String() string { return "<" + w.inner.String() + ">" }

func main() {
	var s Stack[Point]
	s.Push(Point{1, 2})
	s.Print()
	Show("p", Point{3, 4})
	ShowAll([]Point{{5, 6}})
	w := Wrapper[Point]{Point{7, 8}}
	fmt.Println(w, []Wrapper[Point]{w})
	fmt.Printf("%v %s\n", w, w)
}
