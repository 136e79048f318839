package main

import (
	"fmt"
	"iter"
)

func Countdown(from int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := from; i >= 0; i-- {
			fmt.Println("yielding", i)
			if !yield(i) {
				fmt.Println("stopped early")
				return
			}
		}
	}
}

func Pairs(words []string) func(yield func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, w := range words {
			if !yield(i*10, w) {
				return
			}
		}
	}
}

func main() {
	for n := range Countdown(5) {
		fmt.Println("got", n)
		if n == 3 {
			break
		}
	}
	for k, w := range Pairs([]string{"go", "run"}) {
		fmt.Println(k, w)
	}
	evens := func(yield func(int) bool) {
		for i := 0; i < 10; i += 2 {
			if !yield(i) {
				return
			}
		}
	}
	for v := range evens {
		fmt.Print(v, " ")
	}
	fmt.Println()
}
