package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	words := []string{"go", "cell", "note", "book"}
	upper := make([]string, len(words))
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Add(1)
		go func() {
			defer wg.Done()
			upper[i] = strings.ToUpper(w)
		}()
	}
	wg.Wait()
	fmt.Println(upper)
	squares := make([]int, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			squares[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(squares)
	results := make(chan string, len(words))
	for _, w := range words {
		go func(s string) { results <- s + "!" }(w)
	}
	var got []string
	for range words {
		got = append(got, <-results)
	}
	fmt.Println(len(got))
}
