package main

import (
	"errors"
	"fmt"
)

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }
type Label string

type NotFound struct{ What string }

func (e *NotFound) Error() string { return e.What + " not found" }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case Circle:
		return fmt.Sprintf("circle r=%v", x.R)
	case *Rect:
		return fmt.Sprintf("rect pointer %vx%v", x.W, x.H)
	case Rect:
		return fmt.Sprintf("rect %vx%v", x.W, x.H)
	case Label:
		return "label " + string(x)
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", x, x)
	case error:
		return "error: " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	items := []any{nil, Circle{1}, Rect{2, 3}, &Rect{4, 5}, Label("hi"), 7, int64(8),
		&NotFound{"key"}, errors.New("boom"), 2.5, []int{1}}
	for _, it := range items {
		fmt.Println(describe(it))
	}
	var s any = Label("x")
	if l, ok := s.(Label); ok {
		fmt.Println("is label", l)
	}
	_, ok := s.(Circle)
	fmt.Println(ok)
}
