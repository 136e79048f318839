package main

import (
	"fmt"
	"sort"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64         { return r.W * r.H }
func (r Rect) Perimeter() float64    { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64      { return 3 * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 6 * c.R }
func (c *Circle) Grow(f float64)     { c.R *= f }

type Named interface {
	Shape
	Name() string
}

type Square struct {
	Rect
	label string
}

func (s Square) Name() string { return s.label }

type byArea []Shape

func (a byArea) Len() int           { return len(a) }
func (a byArea) Less(i, j int) bool { return a[i].Area() < a[j].Area() }
func (a byArea) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

func describe(s Shape) string {
	switch v := s.(type) {
	case Named:
		return "named " + v.Name()
	case *Circle:
		return fmt.Sprintf("circle r=%v", v.R)
	case Rect:
		return fmt.Sprintf("rect %vx%v", v.W, v.H)
	}
	return "?"
}

func main() {
	c := &Circle{2}
	shapes := []Shape{Rect{3, 4}, c, Square{Rect{2, 2}, "sq"}}
	c.Grow(0.5)
	for _, s := range shapes {
		fmt.Printf("%-12s %6.2f %6.2f\n", describe(s), s.Area(), s.Perimeter())
	}
	sort.Sort(byArea(shapes))
	var names []string
	for _, s := range shapes {
		names = append(names, describe(s))
	}
	fmt.Println(strings.Join(names, ", "))
	var n Named = Square{Rect{1, 5}, "tall"}
	fmt.Println(n.Name(), n.Area())
	if _, ok := shapes[0].(Named); !ok {
		fmt.Println("first is not named")
	}
	var s Shape
	fmt.Println(s == nil)
	s = c
	_, isRect := s.(Rect)
	fmt.Println(isRect, s.(*Circle) == c)
}
