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

type byName struct{ ps []Person }

func (b byName) Len() int           { return len(b.ps) }
func (b byName) Swap(i, j int)      { b.ps[i], b.ps[j] = b.ps[j], b.ps[i] }
func (b byName) Less(i, j int) bool { return b.ps[i].Name < b.ps[j].Name }

func main() {
	people := []Person{{"dan", 40}, {"ann", 25}, {"cat", 31}, {"bob", 25}}
	sort.Sort(ByAge(people))
	fmt.Println(people)
	sort.Sort(byName{people})
	fmt.Println(people)
	sort.Stable(sort.Reverse(ByAge(people)))
	fmt.Println(people)
	fmt.Println(sort.IsSorted(ByAge(people)))
	sort.Slice(people, func(i, j int) bool {
		if people[i].Age != people[j].Age {
			return people[i].Age < people[j].Age
		}
		return people[i].Name < people[j].Name
	})
	fmt.Println(people)
	i := sort.Search(len(people), func(i int) bool { return people[i].Age >= 31 })
	fmt.Println(i, people[i])
	words := []string{"kiwi", "Apple", "banana"}
	sort.Strings(words)
	fmt.Println(words)
	nums := []float64{2.5, -1, 3}
	sort.Float64s(nums)
	fmt.Println(nums, sort.SearchInts([]int{1, 3, 5}, 4))
}
