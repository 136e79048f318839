package main

import "fmt"

func fibonacci(n int, c chan int) {
	x, y := 0, 1
	for i := 0; i < n; i++ {
		c <- x
		x, y = y, x+y
	}
	close(c)
}

func main() {
	c := make(chan int, 10)
	go fibonacci(cap(c), c)
	for i := range c {
		fmt.Println(i)
	}
	v, ok := <-c
	fmt.Println(v, ok)
	words := make(chan string)
	go func() {
		defer close(words)
		for _, w := range []string{"a", "b", "c"} {
			words <- w
		}
	}()
	n := 0
	for w := range words {
		n++
		fmt.Print(w)
	}
	fmt.Println(" count", n)
}
