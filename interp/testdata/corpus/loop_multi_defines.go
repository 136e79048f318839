package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

func lookups() []func() string {
	m := map[int]string{0: "zero", 1: "one", 2: "two"}
	var fs []func() string
	for i := 0; i < 3; i++ {
		v, ok := m[i]
		if !ok {
			continue
		}
		fs = append(fs, func() string { return v })
	}
	return fs
}

func areas(items []any) []*float64 {
	var out []*float64
	for _, it := range items {
		s, ok := it.(Shape)
		if !ok {
			continue
		}
		a := s.Area()
		out = append(out, &a)
		_ = s
	}
	return out
}

func drain(jobs <-chan string) []string {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var done []string
	for {
		j, ok := <-jobs
		if !ok {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			done = append(done, strings.ToUpper(j))
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Strings(done)
	return done
}

func main() {
	for _, f := range lookups() {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	for _, p := range areas([]any{Rect{2, 3}, "not a shape", Rect{4, 5}}) {
		fmt.Print(*p, " ")
	}
	fmt.Println()
	jobs := make(chan string, 3)
	jobs <- "a"
	jobs <- "b"
	jobs <- "c"
	close(jobs)
	fmt.Println(drain(jobs))

	total, bad := 0, 0
	for _, s := range []string{"10", "x", "32", "stop", "5"} {
		n, err := strconv.Atoi(s)
		if err != nil {
			if s == "stop" {
				break
			}
			bad++
			continue
		}
		total += n
	}
	fmt.Println(total, bad)
	var parsed []float64
	for _, s := range strings.Fields("1.5 2.25 oops 4") {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			fmt.Println("skip", s)
			continue
		}
		parsed = append(parsed, f)
	}
	fmt.Println(parsed)
}
