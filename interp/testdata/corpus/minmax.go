package main

import "fmt"

func main() {
	a, b, c := 7, 3, 9
	fmt.Println(min(a, b), max(a, b), min(a, b, c), max(a, b, c))
	x := 2.5
	fmt.Println(min(x, 1), max(1, x), min(3, 1.5))
	fmt.Println(min("pear", "apple", "fig"), max("pear", "apple"))
	lo, hi := 0, 10
	clamp := func(v int) int { return max(lo, min(v, hi)) }
	fmt.Println(clamp(-4), clamp(5), clamp(42))
	const limit = min(100, 20, 60)
	fmt.Println(limit)
	var small int8 = max(-3, 4)
	fmt.Println(small)
}
