package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Box[T any] struct {
	Value T
}

func (b Box[T]) Get() T { return b.Value }

type Labeled[T any] struct {
	Box[T]
	Label string
}

type Counter[K comparable] struct {
	mu     sync.Mutex
	counts map[K]int
}

func NewCounter[K comparable]() *Counter[K] {
	return &Counter[K]{counts: make(map[K]int)}
}

func (c *Counter[K]) Inc(k K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counts[k]++
}

func (c *Counter[K]) Top(n int, less func(a, b K) bool) []K {
	keys := make([]K, 0, len(c.counts))
	for k := range c.counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if c.counts[keys[i]] != c.counts[keys[j]] {
			return c.counts[keys[i]] > c.counts[keys[j]]
		}
		return less(keys[i], keys[j])
	})
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

func ParallelMap[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = f(x)
		}()
	}
	wg.Wait()
	return out
}

func Divide[T ~int | ~float64](a, b T) (T, error) {
	if b == 0 {
		return 0, fmt.Errorf("divide %v by zero", a)
	}
	return a / b, nil
}

type Word string

func main() {
	l := Labeled[int]{Box[int]{42}, "answer"}
	fmt.Println(l.Get(), l.Label, l.Value)
	fmt.Printf("%+v\n", l)
	c := NewCounter[Word]()
	for _, w := range strings.Fields("a b a c b a") {
		c.Inc(Word(w))
	}
	fmt.Println(c.Top(2, func(a, b Word) bool { return a < b }))
	sq := ParallelMap([]int{1, 2, 3}, func(x int) int { return x * x })
	fmt.Println(sq)
	q, err := Divide(7, 2)
	fmt.Println(q, err)
	_, err = Divide(1.5, 0)
	fmt.Println(err)
	r, _ := Divide[float64](1, 4)
	fmt.Printf("%.2f %T\n", r, r)
}
