package main

import "fmt"

type Shape interface{ Area() float64 }

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

func describe(v any) string {
	if s, ok := v.(Shape); ok {
		return fmt.Sprintf("shape of area %.1f", s.Area())
	}
	return "not a shape"
}

func main() {
	fmt.Println(describe(Sq{2}), describe(3))
}
