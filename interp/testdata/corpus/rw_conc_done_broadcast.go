package main

import (
	"fmt"
	"sort"
	"sync"
)

type Worker struct {
	ID    int
	ticks int
}

func (w *Worker) Run(ready chan<- int, done <-chan struct{}, wg *sync.WaitGroup) {
	defer wg.Done()
	w.ticks++
	ready <- w.ID
	<-done
	w.ticks++
}

func main() {
	done := make(chan struct{})
	ready := make(chan int)
	var wg sync.WaitGroup
	workers := []*Worker{{ID: 3}, {ID: 1}, {ID: 2}}
	for _, w := range workers {
		wg.Add(1)
		go w.Run(ready, done, &wg)
	}
	var ids []int
	for range workers {
		ids = append(ids, <-ready)
	}
	sort.Ints(ids)
	fmt.Println("ready:", ids)
	close(done)
	wg.Wait()
	for _, w := range workers {
		fmt.Printf("worker %d ticks %d\n", w.ID, w.ticks)
	}
	_, open := <-done
	fmt.Println("done open:", open)
	results := make(chan string, 3)
	results <- "x"
	results <- "y"
	close(results)
	for r := range results {
		fmt.Print(r, " ")
	}
	fmt.Println(len(results))
}
