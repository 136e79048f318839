package main

import "fmt"

var msg = "notebook message"

func producer(vals ...string) <-chan string {
	ch := make(chan string, len(vals))
	for _, v := range vals {
		ch <- v
	}
	close(ch)
	return ch
}

func main() {
	ch := producer("one", "two")
	n := 0
	for i := 0; i < 3; i++ {
		select {
		case msg, ok := <-ch:
			if !ok {
				fmt.Println("closed, inner msg is empty:", msg == "")
				break
			}
			n := len(msg)
			fmt.Println("got", msg, n)
		default:
			fmt.Println("nothing")
		}
	}
	fmt.Println("after select:", msg, n)
	done := make(chan int, 1)
	done <- 7
	select {
	case n = <-done:
		fmt.Println("assigned n:", n)
	}
	fmt.Println("n is now", n)
	results := make(chan error, 1)
	results <- fmt.Errorf("failed %d", n)
	var err error
	select {
	case err := <-results:
		fmt.Println("inner err:", err)
	}
	fmt.Println("outer err nil:", err == nil)
}
