package main

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	text := "the quick brown fox jumps over the lazy dog the end"
	counts := map[string]int{}
	for _, w := range strings.Fields(text) {
		counts[w]++
	}
	fmt.Println(counts["the"], len(counts))
	if _, ok := counts["cat"]; !ok {
		fmt.Println("no cat")
	}
	delete(counts, "the")
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys)
	nested := map[string][]int{}
	nested["a"] = append(nested["a"], 1, 2)
	nested["b"] = append(nested["b"], 3)
	fmt.Println(nested)
	byLen := map[int][]string{}
	for _, k := range keys {
		byLen[len(k)] = append(byLen[len(k)], k)
	}
	fmt.Println(byLen)
}
