package main

import "fmt"

func produce(n int) <-chan int {
	ch := make(chan int, n)
	for i := range n {
		ch <- i * i
	}
	close(ch)
	return ch
}

func main() {
	ch := make(chan string, 3)
	ch <- "a"
	ch <- "b"
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch)
	close(ch)
	v, ok := <-ch
	fmt.Printf("%q %v\n", v, ok)
	v, ok = <-ch
	fmt.Printf("%q %v\n", v, ok)
	sum := 0
	for x := range produce(5) {
		sum += x
	}
	fmt.Println(sum)
	done := make(chan struct{})
	msgs := make(chan string)
	go func() {
		defer close(done)
		for m := range msgs {
			fmt.Println("got", m)
		}
	}()
	msgs <- "one"
	msgs <- "two"
	close(msgs)
	<-done
	var nilCh chan int
	fmt.Println(nilCh == nil, len(nilCh))
}
