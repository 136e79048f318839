package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

func producer(name string, n int) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for i := 1; i <= n; i++ {
			ch <- fmt.Sprintf("%s-%d", name, i)
		}
	}()
	return ch
}

func merge(chans ...<-chan string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	wg.Add(len(chans))
	for _, c := range chans {
		go func(c <-chan string) {
			defer wg.Done()
			for s := range c {
				out <- s
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	var all []string
	for s := range merge(producer("a", 3), producer("b", 2), producer("c", 4)) {
		all = append(all, s)
	}
	sort.Strings(all)
	fmt.Println(len(all))
	fmt.Println(strings.Join(all, " "))
	counts := map[string]int{}
	for _, s := range all {
		counts[s[:1]]++
	}
	fmt.Println(counts)
}
