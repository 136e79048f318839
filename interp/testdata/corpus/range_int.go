package main

import "fmt"

func main() {
	for i := range 3 {
		fmt.Println("iteration", i)
	}
	n := 4
	sum := 0
	for i := range n {
		sum += i
	}
	fmt.Println("sum", sum)
	count := 0
	for range 5 {
		count++
	}
	fmt.Println("count", count)
	words := []string{"a", "b", "c"}
	for i := range len(words) {
		fmt.Print(words[len(words)-1-i])
	}
	fmt.Println()
}
