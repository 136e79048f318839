package main

import "fmt"

var (
	total   = sum(prices...)
	prices  = []float64{9.99, 20, 5.01}
	taxRate = 0.25
	withTax = total * (1 + taxRate)
	counter int
)

func sum(xs ...float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

func next() int {
	counter++
	return counter
}

var first, second = next(), next()

func init() {
	counter += 100
}

func main() {
	fmt.Println(total, withTax)
	fmt.Printf("%.2f %.2f\n", total, withTax)
	fmt.Println(first, second, counter)
	counter := next()
	fmt.Println("shadow", counter)
	fmt.Println(next(), next())
	prices = append(prices, 1)
	fmt.Println(sum(prices...), total)
	taxRate := 0.5
	fmt.Println(taxRate, total*(1+taxRate))
}
