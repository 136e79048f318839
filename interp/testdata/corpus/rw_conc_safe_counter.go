package main

import (
	"fmt"
	"sort"
	"strings"
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

func (c *SafeCounter) Keys() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]string, 0, len(c.v))
	for k := range c.v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var text = "the cat and the dog and the bird"

func main() {
	c := SafeCounter{v: make(map[string]int)}
	var wg sync.WaitGroup
	for _, w := range strings.Fields(text) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc(w)
		}()
	}
	wg.Wait()
	for _, k := range c.Keys() {
		fmt.Printf("%s=%d ", k, c.Value(k))
	}
	fmt.Println()
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			c.Inc(fmt.Sprint("k", n%3))
		}(i)
	}
	wg.Wait()
	fmt.Println(c.Value("k0"), c.Value("k1"), c.Value("k2"), len(c.Keys()))
}
