package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

func producer(ctx context.Context, out chan<- int) error {
	defer close(out)
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case out <- i:
		}
	}
}

func main() {
	ping, pong := make(chan string), make(chan string)
	go func() {
		for msg := range ping {
			pong <- msg + "-pong"
		}
		close(pong)
	}()
	for _, m := range []string{"a", "b"} {
		ping <- m
		fmt.Println(<-pong)
	}
	close(ping)
	_, ok := <-pong
	fmt.Println("pong open:", ok)

	ctx, cancel := context.WithCancel(context.Background())
	nums := make(chan int)
	errc := make(chan error, 1)
	go func() { errc <- producer(ctx, nums) }()
	total := 0
	for n := range nums {
		total += n
		if n == 4 {
			cancel()
			break
		}
	}
	for range nums {
	}
	err := <-errc
	fmt.Println(total, errors.Is(err, context.Canceled))

	results := make([]string, 3)
	var wg sync.WaitGroup
	for i, name := range []string{"x", "y", "z"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = fmt.Sprintf("%s%d", name, i)
		}()
	}
	wg.Wait()
	fmt.Println(results)

	select {
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timed out")
	case v := <-make(chan int):
		fmt.Println(v)
	}
	tctx, tcancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer tcancel()
	<-tctx.Done()
	fmt.Println(tctx.Err())
}
