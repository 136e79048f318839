package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		fmt.Println("received", v)
	default:
		fmt.Println("nothing ready")
	}
	ch <- 7
	select {
	case v := <-ch:
		fmt.Println("received", v)
	default:
		fmt.Println("nothing ready")
	}
	quit := make(chan bool)
	nums := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			nums <- i
		}
		quit <- true
	}()
loop:
	for {
		select {
		case n := <-nums:
			fmt.Println("num", n)
		case <-quit:
			fmt.Println("quit")
			break loop
		case <-time.After(5 * time.Second):
			fmt.Println("timeout")
			break loop
		}
	}
	fmt.Println("after loop")
}
