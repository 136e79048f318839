package main

import (
	"fmt"
	"sort"
	"sync"
)

type Task struct {
	Name string
	Cost int
}

func process(t Task) string {
	return fmt.Sprintf("%s:%d", t.Name, t.Cost*t.Cost)
}

func main() {
	tasks := []Task{{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 5}, {"f", 6}}
	sem := make(chan struct{}, 2)
	var (
		mu      sync.Mutex
		wg      sync.WaitGroup
		out     []string
		running int
		peak    int
	)
	for _, t := range tasks {
		wg.Add(1)
		go func(t Task) {
			defer wg.Done()
			sem <- struct{}{}
			mu.Lock()
			running++
			if running > peak {
				peak = running
			}
			mu.Unlock()
			r := process(t)
			mu.Lock()
			out = append(out, r)
			running--
			mu.Unlock()
			<-sem
		}(t)
	}
	wg.Wait()
	sort.Strings(out)
	fmt.Println(out)
	fmt.Println("peak within limit:", peak <= 2, "running now:", running)
}
