package main

import (
	"fmt"
	"sort"
	"sync"
)

type Job struct {
	ID   int
	Text string
}

type Result struct {
	JobID  int
	Worker int
	Length int
}

func worker(id int, jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- Result{JobID: j.ID, Worker: id, Length: len(j.Text)}
	}
}

func main() {
	texts := []string{"alpha", "be", "gamma", "delta", "epsilon", "z"}
	jobs := make(chan Job, len(texts))
	results := make(chan Result, len(texts))
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for i, t := range texts {
		jobs <- Job{ID: i, Text: t}
	}
	close(jobs)
	wg.Wait()
	close(results)
	var rs []Result
	workers := map[int]bool{}
	for r := range results {
		rs = append(rs, r)
		workers[r.Worker] = true
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].JobID < rs[j].JobID })
	total := 0
	for _, r := range rs {
		fmt.Printf("job %d: %s has %d letters\n", r.JobID, texts[r.JobID], r.Length)
		total += r.Length
	}
	fmt.Println("total", total, "results", len(rs), len(workers) >= 1)
}
