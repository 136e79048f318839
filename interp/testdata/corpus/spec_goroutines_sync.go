package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func worker(id int, jobs <-chan int, results chan<- [2]int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- [2]int{j, j * j}
	}
	_ = id
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan [2]int, 10)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	squares := make([]int, 10)
	for r := range results {
		squares[r[0]] = r[1]
	}
	fmt.Println(squares)

	var n int64
	var wg2 sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			atomic.AddInt64(&n, 2)
		}()
	}
	wg2.Wait()
	fmt.Println(atomic.LoadInt64(&n))

	out := make([]int, 5)
	var wg3 sync.WaitGroup
	for i := range out {
		wg3.Add(1)
		go func() {
			defer wg3.Done()
			out[i] = i * 10
		}()
	}
	wg3.Wait()
	fmt.Println(out)

	var rw sync.RWMutex
	cache := map[int]int{}
	var wg4 sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg4.Add(1)
		go func(k int) {
			defer wg4.Done()
			rw.Lock()
			cache[k] = k + 100
			rw.Unlock()
		}(i)
	}
	wg4.Wait()
	rw.RLock()
	fmt.Println(len(cache), cache[3])
	rw.RUnlock()
}
