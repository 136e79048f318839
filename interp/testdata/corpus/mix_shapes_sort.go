package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
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
func (c Circle) String() string     { return fmt.Sprintf("Circle(%.1f)", c.R) }

type byArea []Shape

func (a byArea) Len() int           { return len(a) }
func (a byArea) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a byArea) Less(i, j int) bool { return a[i].Area() < a[j].Area() }

func main() {
	shapes := []Shape{Rect{3, 4}, Circle{1}, Rect{1, 1}, Circle{2}}
	sort.Sort(byArea(shapes))
	for i, s := range shapes {
		fmt.Printf("%d: %v %T area=%.2f perim=%.2f\n", i, s, s, s.Area(), s.Perimeter())
	}
	total := 0.0
	for _, s := range shapes {
		switch v := s.(type) {
		case Rect:
			total += v.W
		case Circle:
			total += v.R
		}
	}
	fmt.Println("total", total)
	var names []string
	for _, s := range shapes {
		names = append(names, fmt.Sprint(s))
	}
	fmt.Println(strings.Join(names, " | "))
	fmt.Printf("%+v %#v\n", shapes[0], shapes[1])
}
