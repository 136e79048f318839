package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	people := []Person{
		{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 25}, {"Eve", 35},
	}
	slices.SortFunc(people, func(a, b Person) int {
		return cmp.Compare(a.Age, b.Age)
	})
	fmt.Println(people)
	slices.SortStableFunc(people, func(a, b Person) int {
		return strings.Compare(b.Name, a.Name)
	})
	fmt.Println(people)
	oldest := slices.MaxFunc(people, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) })
	fmt.Println("oldest:", oldest.Name)
	fmt.Println(slices.IsSortedFunc(people, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) }))
	words := []string{"banana", "Apple", "cherry"}
	slices.SortFunc(words, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	fmt.Println(words)
}
