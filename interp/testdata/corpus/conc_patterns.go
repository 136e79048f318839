package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

type Job struct {
	ID   int
	Text string
}

type Result struct {
	JobID int
	Words int
}

func worker(id int, jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- Result{j.ID, len(strings.Fields(j.Text))}
	}
}

func gen(ctx context.Context, nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			select {
			case out <- n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int, 10)
	output := func(c <-chan int) {
		for n := range c {
			out <- n
		}
		wg.Done()
	}
	wg.Add(len(cs))
	for _, c := range cs {
		go output(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

var ErrTimeout = errors.New("timeout")

func withTimeout(d time.Duration, f func() int) (int, error) {
	ch := make(chan int, 1)
	go func() { ch <- f() }()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(d):
		return 0, ErrTimeout
	}
}

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Inc(k string) {
	c.mu.Lock()
	c.n[k]++
	c.mu.Unlock()
}

func main() {
	jobs := make(chan Job, 10)
	results := make(chan Result, 10)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	texts := []string{"a b c", "hello world", "one", "x y z w", "go is fun"}
	for i, t := range texts {
		jobs <- Job{i, t}
	}
	close(jobs)
	wg.Wait()
	close(results)
	var rs []Result
	for r := range results {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].JobID < rs[j].JobID })
	fmt.Println(rs)

	ctx, cancel := context.WithCancel(context.Background())
	in := gen(ctx, 1, 2, 3, 4)
	c1, c2 := sq(in), sq(in)
	var got []int
	for v := range merge(c1, c2) {
		got = append(got, v)
	}
	cancel()
	sort.Ints(got)
	fmt.Println(got)

	v, err := withTimeout(50*time.Millisecond, func() int { return 42 })
	fmt.Println(v, err)
	v, err = withTimeout(10*time.Millisecond, func() int { time.Sleep(200 * time.Millisecond); return 1 })
	fmt.Println(v, err, errors.Is(err, ErrTimeout))

	c := Counter{n: map[string]int{}}
	var wg2 sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			c.Inc([]string{"a", "b"}[i%2])
		}()
	}
	wg2.Wait()
	fmt.Println(c.n["a"], c.n["b"])

	sem := make(chan struct{}, 2)
	var mu sync.Mutex
	maxActive, active := 0, 0
	var wg3 sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg3.Add(1)
		go func(id int) {
			defer wg3.Done()
			sem <- struct{}{}
			mu.Lock()
			active++
			if active > maxActive {
				maxActive = active
			}
			mu.Unlock()
			time.Sleep(5 * time.Millisecond)
			mu.Lock()
			active--
			mu.Unlock()
			<-sem
		}(i)
	}
	wg3.Wait()
	fmt.Println("max active", maxActive)

	ticker := time.NewTicker(5 * time.Millisecond)
	n := 0
	for range ticker.C {
		n++
		if n == 3 {
			ticker.Stop()
			break
		}
	}
	fmt.Println("ticks", n)

	done := make(chan bool)
	data := make(chan int)
	go func() {
		sum := 0
		for {
			select {
			case x, ok := <-data:
				if !ok {
					fmt.Println("sum", sum)
					done <- true
					return
				}
				sum += x
			}
		}
	}()
	for i := 1; i <= 10; i++ {
		data <- i
	}
	close(data)
	<-done
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	fmt.Println(len(ch), cap(ch))
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("none")
	}
}
