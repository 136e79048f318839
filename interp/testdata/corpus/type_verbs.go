package main

import (
	"errors"
	"fmt"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Shape interface{ Area() float64 }

type Square struct{ Side float64 }

func (s Square) Area() float64 { return s.Side * s.Side }

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return e.Key + " not found" }

func main() {
	var c Celsius = 21.5
	fmt.Printf("%T %v\n", c, c)
	var s Shape = Square{2}
	fmt.Printf("%T %v %.1f\n", s, s, s.Area())
	nf := &NotFound{"k"}
	fmt.Printf("%T: %v\n", nf, nf)
	var err error = nf
	fmt.Printf("%T %T %T\n", 42, "hi", []int{1})
	var target *NotFound
	fmt.Println(errors.As(err, &target), target.Key)
	fmt.Println(fmt.Sprintf("%T", &Square{1}))
}
