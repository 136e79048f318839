package main

import "fmt"

var rate = 0.5

func apply(amount float64, rate float64) float64 {
	return amount * rate
}

func applyDefault(amount float64) float64 {
	return amount * rate
}

func main() {
	fmt.Println(apply(10, 0.1), applyDefault(10))
	rate = 0.25
	fmt.Println(applyDefault(10))
	scale := func(rate float64) float64 { return rate * 2 }
	fmt.Println(scale(3), rate)
	counter := 0
	inc := func() {
		counter := counter + 1 // a new variable inside the closure
		_ = counter
	}
	inc()
	bump := func() { counter++ }
	bump()
	bump()
	fmt.Println("counter:", counter)
	x := 1
	{
		x, y := 2, 3 // both new in this block
		fmt.Println(x, y)
	}
	fmt.Println(x)
}
