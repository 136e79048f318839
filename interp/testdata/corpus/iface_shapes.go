package main

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Shape
	Name() string
}

type Circle struct{ R float64 }

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c Circle) Name() string       { return "circle" }

type Rect struct{ W, H float64 }

func (r *Rect) Area() float64      { return r.W * r.H }
func (r *Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r *Rect) Scale(f float64)    { r.W *= f; r.H *= f }

type Square struct{ Rect }

func NewSquare(s float64) *Square { return &Square{Rect{s, s}} }

func (s *Square) Name() string { return "square" }

var ErrEmpty = errors.New("no shapes")

func largest(shapes []Shape) (Shape, error) {
	if len(shapes) == 0 {
		return nil, ErrEmpty
	}
	best := shapes[0]
	for _, s := range shapes[1:] {
		if s.Area() > best.Area() {
			best = s
		}
	}
	return best, nil
}

func describe(s Shape) string {
	name := "shape"
	if n, ok := s.(Named); ok {
		name = n.Name()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s area=%.2f perim=%.2f", name, s.Area(), s.Perimeter())
	if sc, ok := s.(interface{ Scale(float64) }); ok {
		sc.Scale(2)
		fmt.Fprintf(&b, " scaled=%.2f", s.Area())
	}
	return b.String()
}

func main() {
	shapes := []Shape{Circle{1}, &Rect{2, 3}, NewSquare(1.5)}
	for _, s := range shapes {
		fmt.Println(describe(s))
	}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	for _, s := range shapes {
		switch v := s.(type) {
		case Circle:
			fmt.Printf("circle r=%v\n", v.R)
		case *Square:
			fmt.Printf("square side=%v\n", v.W)
		case *Rect:
			fmt.Printf("rect %vx%v\n", v.W, v.H)
		}
	}
	big, err := largest(shapes)
	fmt.Printf("%.2f %v\n", big.Area(), err)
	_, err = largest(nil)
	fmt.Println(err, errors.Is(err, ErrEmpty))
	var s Shape
	fmt.Println(s == nil)
	s = Circle{2}
	_, isRect := s.(*Rect)
	c, isCircle := s.(Circle)
	fmt.Println(s != nil, isRect, isCircle, c.R)
	var n Named = NewSquare(2)
	var sh Shape = n
	fmt.Printf("%.1f %T\n", sh.Area(), sh)
}
