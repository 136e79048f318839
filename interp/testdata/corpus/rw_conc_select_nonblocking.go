package main

import "fmt"

func trySend(ch chan<- int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

func tryRecv(ch <-chan int) (int, bool) {
	select {
	case v := <-ch:
		return v, true
	default:
		return 0, false
	}
}

func main() {
	ch := make(chan int, 3)
	for i := 1; i <= 5; i++ {
		fmt.Println("send", i, trySend(ch, i*10))
	}
	fmt.Println(len(ch), cap(ch))
	for {
		v, ok := tryRecv(ch)
		if !ok {
			break
		}
		fmt.Println("recv", v)
	}
	quit := make(chan struct{})
	data := make(chan string, 1)
	data <- "hello"
	for round := 0; round < 3; round++ {
		if round == 2 {
			close(quit)
		}
		select {
		case s := <-data:
			fmt.Println("data:", s)
		case <-quit:
			fmt.Println("quit")
		default:
			fmt.Println("nothing yet")
		}
	}
	var nilCh chan int
	select {
	case v := <-nilCh:
		fmt.Println("impossible", v)
	default:
		fmt.Println("nil channel never ready")
	}
}
