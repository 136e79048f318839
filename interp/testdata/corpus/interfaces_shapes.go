package main

import (
	"fmt"
	"math"
	"sort"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64        { return r.W * r.H }
func (r Rect) Perimeter() float64   { return 2 * (r.W + r.H) }
func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c Circle) String() string     { return fmt.Sprintf("Circle(r=%g)", c.R) }

func describe(s Shape) string {
	switch v := s.(type) {
	case Rect:
		return fmt.Sprintf("rect %gx%g", v.W, v.H)
	case Circle:
		return "circle " + v.String()
	}
	return "unknown"
}

func main() {
	shapes := []Shape{Rect{3, 4}, Circle{1}, Rect{1, 1}}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	for _, s := range shapes {
		fmt.Printf("%-20s area=%6.2f perim=%6.2f\n", describe(s), s.Area(), s.Perimeter())
	}
	var total float64
	for _, s := range shapes {
		total += s.Area()
	}
	fmt.Printf("total %.3f\n", total)
	if c, ok := shapes[1].(Circle); ok {
		fmt.Println("found", c)
	}
}
