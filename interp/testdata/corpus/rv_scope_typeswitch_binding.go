package main

import "fmt"

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64   { return r.W * r.H }
func (c Circle) Area() float64 { return 3 * c.R * c.R }

var v = "notebook v"

func describe(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", v, v)
	case Shape:
		return fmt.Sprintf("shape with area %.1f", v.Area())
	case error:
		return "error " + v.Error()
	default:
		return fmt.Sprintf("other %v", v)
	}
}

func main() {
	items := []any{nil, 3, int64(4), Rect{2, 3}, Circle{1}, fmt.Errorf("oops"), "str"}
	for _, it := range items {
		fmt.Println(describe(it))
	}
	var s Shape = Rect{1, 5}
	switch v := s.(type) {
	case Rect:
		v.W = 100
		fmt.Println("rect copy:", v.W, v.Area())
	case Circle:
		fmt.Println("circle", v.R)
	}
	fmt.Println("s unchanged:", s.Area())
	fmt.Println("v after switch:", v)
	switch s.(type) {
	case Circle:
		fmt.Println("circle")
	default:
		fmt.Println("not a circle")
	}
}
