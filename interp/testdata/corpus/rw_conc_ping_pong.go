package main

import "fmt"

type Ball struct {
	Hits int
	Log  []string
}

func player(name string, table chan *Ball, done chan<- *Ball, max int) {
	for {
		ball := <-table
		ball.Hits++
		ball.Log = append(ball.Log, name)
		if ball.Hits >= max {
			done <- ball
			return
		}
		table <- ball
	}
}

func main() {
	table := make(chan *Ball)
	done := make(chan *Ball)
	go player("ping", table, done, 7)
	go player("pong", table, done, 7)
	table <- &Ball{}
	b := <-done
	fmt.Println(b.Hits, len(b.Log))
	pings := 0
	for _, n := range b.Log {
		if n == "ping" {
			pings++
		}
	}
	fmt.Println(pings == 3 || pings == 4)
	results := make(chan int)
	go func() {
		defer close(results)
		for i := range 5 {
			results <- i * i
		}
	}()
	sum := 0
	for v := range results {
		sum += v
	}
	fmt.Println("sum of squares", sum)
}
