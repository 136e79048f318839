package main

import "fmt"

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func average(xs ...int) float64 { return float64(sum(xs...)) / float64(len(xs)) }

func label(n int) string { return fmt.Sprintf("n=%d", n) }

func main() {
	fmt.Println(sum(1, 2, 3), average(1, 2, 3, 4))
	sum := 0
	for _, v := range []int{5, 6} {
		sum += v
	}
	fmt.Println(sum, average(10, 20))
	label := label(sum)
	fmt.Println(label)
	{
		average := "shadowed"
		fmt.Println(average)
	}
	fmt.Println(average(1, 1))
}
