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
	slow := make(chan string)
	select {
	case s := <-slow:
		fmt.Println(s)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timed out")
	}
	a, b := make(chan int), make(chan int)
	go func() {
		for i := range 3 {
			a <- i
		}
		close(a)
	}()
	total := 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				b = nil
				continue
			}
			total += v
		case v := <-b:
			total += v * 100
		}
	}
	fmt.Println("total", total)
	quit := make(chan bool)
	out := make(chan int)
	go func() {
		for i := 0; ; i++ {
			select {
			case out <- i:
			case <-quit:
				close(out)
				return
			}
		}
	}()
	fmt.Println(<-out, <-out, <-out)
	quit <- true
	_, open := <-out
	for open {
		_, open = <-out
	}
	fmt.Println("stopped")
}
