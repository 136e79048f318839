package main

import (
	"fmt"
	"strconv"
)

type Shape interface {
	Area() float64
	Name() string
}

type Square struct{ Side float64 }

func (s Square) Area() float64 { return s.Side * s.Side }
func (s Square) Name() string  { return "square" }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }
func (c Circle) Name() string  { return "circle" }

func TotalArea[S Shape](shapes []S) float64 {
	t := 0.0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

func Largest[S Shape](shapes ...S) S {
	best := shapes[0]
	for _, s := range shapes[1:] {
		if s.Area() > best.Area() {
			best = s
		}
	}
	return best
}

type Stringish interface {
	~int | ~string
}

func Label[T Stringish](v T) string {
	switch x := any(v).(type) {
	case int:
		return "#" + strconv.Itoa(x)
	case string:
		return "'" + x + "'"
	}
	return fmt.Sprint("other ", v)
}

type Code int

func main() {
	sq := []Square{{1}, {2}}
	fmt.Println(TotalArea(sq))
	mixed := []Shape{Square{3}, Circle{1}}
	fmt.Println(TotalArea(mixed))
	big := Largest(Circle{1}, Circle{2})
	fmt.Printf("%v %s %.0f\n", big, big.Name(), big.Area())
	fmt.Println(Largest[Shape](Square{1}, Circle{1}).Name())
	fmt.Println(Label(5), Label("x"), Label(Code(7)))
}
