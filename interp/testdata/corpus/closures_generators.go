package main

import "fmt"

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func adder(start int) (func(int) int, func() int) {
	total := start
	add := func(n int) int { total += n; return total }
	get := func() int { return total }
	return add, get
}

func memo(f func(int) int) func(int) int {
	cache := map[int]int{}
	calls := 0
	return func(n int) int {
		if v, ok := cache[n]; ok {
			return v
		}
		calls++
		v := f(n)
		cache[n] = v
		fmt.Println("computed", n, "calls", calls)
		return v
	}
}

func main() {
	next := fibGen()
	for range 10 {
		fmt.Print(next(), " ")
	}
	fmt.Println()
	add, get := adder(100)
	add(5)
	add(-20)
	fmt.Println(get())
	sq := memo(func(n int) int { return n * n })
	fmt.Println(sq(4), sq(4), sq(5))
	var fact func(int) int
	fact = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * fact(n-1)
	}
	fmt.Println(fact(10))
	x := 1
	inc := func() { x++ }
	inc()
	inc()
	fmt.Println(x)
}
