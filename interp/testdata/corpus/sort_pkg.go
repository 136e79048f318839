package main

import (
	"fmt"
	"sort"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type Employee struct {
	Name   string
	Salary int
}

func main() {
	ints := []int{5, 2, 6, 3, 1, 4}
	sort.Ints(ints)
	fmt.Println(ints, sort.IntsAreSorted(ints))
	words := []string{"kiwi", "fig", "banana", "apple"}
	sort.Sort(byLen(words))
	fmt.Println(words)
	sort.Strings(words)
	fmt.Println(words, sort.SearchStrings(words, "fig"))
	emps := []Employee{{"a", 300}, {"b", 100}, {"c", 200}, {"d", 100}}
	sort.SliceStable(emps, func(i, j int) bool { return emps[i].Salary < emps[j].Salary })
	fmt.Println(emps)
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
	i := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println(i)
}
