package main

import (
	"fmt"
	"math"
)

type Abser interface {
	Abs() float64
}

type MyFloat float64

func (f MyFloat) Abs() float64 {
	if f < 0 {
		return float64(-f)
	}
	return float64(f)
}

type Vertex struct {
	X, Y float64
}

func (v *Vertex) Abs() float64 {
	return math.Sqrt(v.X*v.X + v.Y*v.Y)
}

type I interface{ M() }

type T struct{ S string }

func (t T) M() { fmt.Println(t.S) }

func main() {
	var a Abser
	f := MyFloat(-math.Sqrt2)
	v := Vertex{3, 4}
	a = f
	fmt.Println(a.Abs())
	a = &v
	fmt.Println(a.Abs())
	var i I = T{"hello"}
	i.M()
	shapes := []Abser{MyFloat(-2), &Vertex{6, 8}, MyFloat(1.5)}
	total := 0.0
	for _, s := range shapes {
		total += s.Abs()
	}
	fmt.Println(total)
	fmt.Printf("%v %T\n", a, a)
}
