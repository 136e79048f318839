package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Stats struct {
	mu     sync.RWMutex
	counts map[string]int
	reads  atomic.Int64
}

func (s *Stats) Add(k string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[k] += n
}

func (s *Stats) Get(k string) int {
	s.reads.Add(1)
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.counts[k]
}

var hits int32

func main() {
	s := &Stats{counts: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			s.Add("x", 2)
			atomic.AddInt32(&hits, 1)
		}()
		go func() {
			defer wg.Done()
			_ = s.Get("x")
		}()
	}
	wg.Wait()
	fmt.Println(s.Get("x"), s.reads.Load(), atomic.LoadInt32(&hits))
	var flag atomic.Bool
	fmt.Println(flag.Load(), flag.CompareAndSwap(false, true), flag.Load())
	var v atomic.Value
	v.Store([]string{"a", "b"})
	fmt.Println(v.Load().([]string))
}
