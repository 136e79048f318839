package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

func (p Person) String() string { return fmt.Sprintf("%s(%d)", p.Name, p.Age) }

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

type ByName struct{ ByAge }

func (b ByName) Less(i, j int) bool { return b.ByAge[i].Name < b.ByAge[j].Name }

var people = []Person{{"Zoe", 30}, {"Al", 25}, {"Bea", 30}, {"Cy", 19}}

func main() {
	sort.Sort(ByAge(people))
	fmt.Println(people)
	sort.Sort(ByName{people})
	fmt.Println(people)
	sort.Stable(sort.Reverse(ByAge(people)))
	fmt.Println(people)
	fmt.Println(sort.IsSorted(ByAge(people)))
	ages := []int{}
	for _, p := range people {
		ages = append(ages, p.Age)
	}
	sort.Ints(ages)
	i := sort.SearchInts(ages, 25)
	fmt.Println(ages, i, sort.SearchInts(ages, 26))
	j := sort.Search(len(ages), func(k int) bool { return ages[k] >= 30 })
	fmt.Println("first 30 at", j)
	sort.Slice(people, func(i, j int) bool {
		if people[i].Age != people[j].Age {
			return people[i].Age > people[j].Age
		}
		return people[i].Name < people[j].Name
	})
	fmt.Println(people, people[0])
}
