package main

import (
	"fmt"
	"sort"
	"sync"
)

type Job struct {
	ID int
	N  int
}

type Result struct {
	JobID  int
	Square int
}

func worker(jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- Result{j.ID, j.N * j.N}
	}
}

func main() {
	jobs := make(chan Job)
	results := make(chan Result, 10)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go worker(jobs, results, &wg)
	}
	for i := 1; i <= 6; i++ {
		jobs <- Job{i, i + 1}
	}
	close(jobs)
	wg.Wait()
	close(results)
	var all []Result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(a, b int) bool { return all[a].JobID < all[b].JobID })
	fmt.Println(all)
	fmt.Printf("%+v\n", all[0])
}
