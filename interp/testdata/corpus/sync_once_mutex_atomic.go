package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type SafeCounter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key]++
}

func (c *SafeCounter) Get(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[key]
}

var initCount int

func setup() { initCount++ }

func main() {
	c := SafeCounter{m: make(map[string]int)}
	var wg sync.WaitGroup
	var hits atomic.Int64
	var once sync.Once
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(setup)
			c.Inc("k")
			if i%2 == 0 {
				c.Inc("even")
			}
			hits.Add(int64(i))
		}()
	}
	wg.Wait()
	fmt.Println(c.Get("k"), c.Get("even"), hits.Load(), initCount)
	var rw sync.RWMutex
	shared := []int{}
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.Lock()
			shared = append(shared, i)
			rw.Unlock()
		}()
	}
	wg.Wait()
	rw.RLock()
	fmt.Println(len(shared))
	rw.RUnlock()
}
