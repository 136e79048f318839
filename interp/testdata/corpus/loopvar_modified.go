package main

import "fmt"

func main() {
	// The body changes the loop variable and a closure keeps it: each
	// iteration still has its own copy, and the change reaches the post
	// statement, as in Go 1.22.
	var seen []func() int
	for i := 0; i < 10; i++ {
		seen = append(seen, func() int { return i })
		if i%3 == 0 {
			i++
			continue
		}
		i += 2
	}
	for _, f := range seen {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
