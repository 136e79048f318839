package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

type Tree struct {
	Left  *Tree
	Value int
	Right *Tree
}

func insert(t *Tree, v int) *Tree {
	if t == nil {
		return &Tree{nil, v, nil}
	}
	if v < t.Value {
		t.Left = insert(t.Left, v)
	} else {
		t.Right = insert(t.Right, v)
	}
	return t
}

func Walk(t *Tree, ch chan int) {
	var walk func(t *Tree)
	walk = func(t *Tree) {
		if t == nil {
			return
		}
		walk(t.Left)
		ch <- t.Value
		walk(t.Right)
	}
	walk(t)
	close(ch)
}

func Same(t1, t2 *Tree) bool {
	c1, c2 := make(chan int), make(chan int)
	go Walk(t1, c1)
	go Walk(t2, c2)
	for {
		v1, ok1 := <-c1
		v2, ok2 := <-c2
		if ok1 != ok2 || v1 != v2 {
			return false
		}
		if !ok1 {
			return true
		}
	}
}

type Fetcher interface {
	Fetch(url string) (body string, urls []string, err error)
}

type fakeResult struct {
	body string
	urls []string
}

type fakeFetcher map[string]*fakeResult

func (f fakeFetcher) Fetch(url string) (string, []string, error) {
	if res, ok := f[url]; ok {
		return res.body, res.urls, nil
	}
	return "", nil, fmt.Errorf("not found: %s", url)
}

type visited struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (v *visited) visit(url string) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.seen[url] {
		return false
	}
	v.seen[url] = true
	return true
}

func Crawl(url string, depth int, fetcher Fetcher, v *visited, out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	if depth <= 0 || !v.visit(url) {
		return
	}
	body, urls, err := fetcher.Fetch(url)
	if err != nil {
		out <- err.Error()
		return
	}
	out <- fmt.Sprintf("found: %s %q", url, body)
	for _, u := range urls {
		wg.Add(1)
		go Crawl(u, depth-1, fetcher, v, out, wg)
	}
}

func fib(ctx context.Context, out chan<- int) error {
	x, y := 0, 1
	for {
		select {
		case out <- x:
			x, y = y, x+y
		case <-ctx.Done():
			close(out)
			return ctx.Err()
		}
	}
}

func main() {
	var t1, t2, t3 *Tree
	for _, v := range []int{5, 3, 8, 1, 4, 9} {
		t1 = insert(t1, v)
	}
	for _, v := range []int{1, 3, 4, 5, 8, 9} {
		t2 = insert(t2, v)
	}
	for _, v := range []int{1, 3, 4, 5, 8, 10} {
		t3 = insert(t3, v)
	}
	ch := make(chan int)
	go Walk(t1, ch)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
	fmt.Println(Same(t1, t2), Same(t1, t3))

	fetcher := fakeFetcher{
		"https://golang.org/":         &fakeResult{"The Go Programming Language", []string{"https://golang.org/pkg/", "https://golang.org/cmd/"}},
		"https://golang.org/pkg/":     &fakeResult{"Packages", []string{"https://golang.org/", "https://golang.org/pkg/fmt/"}},
		"https://golang.org/pkg/fmt/": &fakeResult{"Package fmt", []string{"https://golang.org/"}},
	}
	out := make(chan string, 100)
	var wg sync.WaitGroup
	wg.Add(1)
	go Crawl("https://golang.org/", 4, fetcher, &visited{seen: map[string]bool{}}, out, &wg)
	wg.Wait()
	close(out)
	var lines []string
	for l := range out {
		lines = append(lines, l)
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}

	ctx, cancel := context.WithCancel(context.Background())
	nums := make(chan int)
	errc := make(chan error, 1)
	go func() { errc <- fib(ctx, nums) }()
	var got []int
	for n := range nums {
		got = append(got, n)
		if len(got) == 10 {
			cancel()
			break
		}
	}
	for range nums {
	}
	err := <-errc
	fmt.Println(got, errors.Is(err, context.Canceled))

	ctx2, cancel2 := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel2()
	select {
	case <-time.After(time.Second):
		fmt.Println("slow")
	case <-ctx2.Done():
		fmt.Println("deadline:", ctx2.Err())
	}

	var ops atomic.Uint64
	var wg2 sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg2.Add(1)
		go func() {
			for c := 0; c < 100; c++ {
				ops.Add(1)
			}
			wg2.Done()
		}()
	}
	wg2.Wait()
	fmt.Println("ops:", ops.Load())

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	results := make([]string, 0)
	var wg3 sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg3.Add(1)
		go func(id int) {
			defer wg3.Done()
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			results = append(results, fmt.Sprint("worker ", id))
			mu.Unlock()
		}(i)
	}
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	wg3.Wait()
	sort.Strings(results)
	fmt.Println(results)

	quit := make(chan struct{})
	tick := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			tick <- i
		}
		close(quit)
	}()
	total := 0
loop:
	for {
		select {
		case v := <-tick:
			total += v
		case <-quit:
			break loop
		}
	}
	fmt.Println("total", total)
}
