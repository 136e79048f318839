package main

import (
	"fmt"
	"sync"
)

type SafeCounter struct {
	mu sync.Mutex
	v  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	c.v[key]++
	c.mu.Unlock()
}

func (c *SafeCounter) Value(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.v[key]
}

func fib(n int, ch chan<- int) {
	x, y := 0, 1
	for i := 0; i < n; i++ {
		ch <- x
		x, y = y, x+y
	}
	close(ch)
}

func main() {
	c := SafeCounter{v: make(map[string]int)}
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc("key")
		}()
	}
	wg.Wait()
	fmt.Println(c.Value("key"))
	ch := make(chan int, 10)
	go fib(cap(ch), ch)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
	results := make(chan string)
	done := make(chan struct{})
	go func() {
		for r := range results {
			fmt.Println("got", r)
		}
		close(done)
	}()
	for _, w := range []string{"a", "b", "c"} {
		results <- w
	}
	close(results)
	<-done
	quit := make(chan int)
	nums := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			fmt.Println(<-nums)
		}
		quit <- 0
	}()
	x := 1
	for loop := true; loop; {
		select {
		case nums <- x:
			x *= 3
		case <-quit:
			fmt.Println("quit")
			loop = false
		}
	}
}
