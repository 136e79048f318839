package main

import (
	"fmt"
	"time"
)

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
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
	for v := range sq(sq(gen(1, 2, 3))) {
		fmt.Println(v)
	}
	timeout := time.After(2 * time.Second)
	res := make(chan string, 1)
	go func() { res <- "fast" }()
	select {
	case r := <-res:
		fmt.Println(r)
	case <-timeout:
		fmt.Println("timeout")
	}
	var nilch chan int
	select {
	case v := <-nilch:
		fmt.Println("impossible", v)
	default:
		fmt.Println("nil channel blocks")
	}
	done := make(chan struct{})
	data := make(chan int, 5)
	go func() {
		defer close(done)
		sum := 0
		for v := range data {
			sum += v
		}
		fmt.Println("sum", sum)
	}()
	for i := 1; i <= 5; i++ {
		data <- i
	}
	close(data)
	<-done
	var send chan<- int = data
	fmt.Printf("%T %d\n", send, cap(send))
	defer func() { fmt.Println("recovered:", recover()) }()
	data <- 1
}
