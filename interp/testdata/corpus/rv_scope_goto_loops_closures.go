package main

import "fmt"

var counter = 100

func bump() int {
	counter++
	return counter
}

func main() {
	results := []func() int{}
	for i := 0; i < 3; i++ {
		counter := i * 10
		results = append(results, func() int {
			counter++
			return counter
		})
	}
	for _, f := range results {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	fmt.Println(bump(), counter)
	n := 0
retry:
	n++
	if n < 3 {
		goto retry
	}
	fmt.Println("attempts:", n)
	total := 0
	for i := range 4 {
		if i%2 == 0 {
			continue
		}
		total += i
	}
	fmt.Println("total:", total)
	x := 1
	{
		x := x + 1
		{
			x := x * 10
			fmt.Println("inner", x)
		}
		fmt.Println("middle", x)
	}
	fmt.Println("outer", x)
}
