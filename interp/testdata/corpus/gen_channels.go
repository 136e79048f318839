package main

import (
	"fmt"
	"sort"
	"sync"
)

func Generate[T any](xs ...T) <-chan T {
	ch := make(chan T)
	go func() {
		defer close(ch)
		for _, x := range xs {
			ch <- x
		}
	}()
	return ch
}

func Collect[T any](ch <-chan T) []T {
	var out []T
	for v := range ch {
		out = append(out, v)
	}
	return out
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

type Job struct {
	ID   int
	Cost float64
}

func main() {
	nums := Collect(Generate(1, 2, 3))
	fmt.Println(nums)
	jobs := Collect(Generate(Job{1, 2.5}, Job{2, 1}))
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].Cost < jobs[j].Cost })
	fmt.Println(jobs)
	squares := ParallelMap(nums, func(n int) int { return n * n })
	fmt.Println(squares)
	labels := ParallelMap(jobs, func(j Job) string { return fmt.Sprintf("job%d", j.ID) })
	fmt.Println(labels)
	for i := 0; i < 2; i++ {
		fmt.Println(ParallelMap([]int{i}, func(n int) string { return fmt.Sprint(n + i) }))
	}
}
