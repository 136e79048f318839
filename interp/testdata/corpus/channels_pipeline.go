package main

import "fmt"

func generate(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func main() {
	for v := range square(square(generate(1, 2, 3))) {
		fmt.Println(v)
	}
	done := make(chan struct{})
	data := make(chan string, 3)
	go func() {
		defer close(done)
		for s := range data {
			fmt.Println("got", s)
		}
	}()
	data <- "a"
	data <- "b"
	close(data)
	<-done
	fmt.Println("done")
}
