package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

type Employee struct {
	Name   string
	Salary int
}

func main() {
	m := map[string]int{"pear": 3, "apple": 1, "fig": 2}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	for _, k := range keys {
		fmt.Println(k, m[k])
	}
	vals := slices.Sorted(maps.Values(m))
	fmt.Println(vals)
	staff := []Employee{{"zoe", 50}, {"al", 70}, {"bo", 50}}
	slices.SortStableFunc(staff, func(a, b Employee) int { return cmp.Compare(b.Salary, a.Salary) })
	fmt.Println(staff)
	i := slices.IndexFunc(staff, func(e Employee) bool { return e.Name == "bo" })
	fmt.Println(i, slices.Contains(keys, "fig"), slices.Index(keys, "pear"))
	nums := []int{5, 2, 8}
	slices.Sort(nums)
	fmt.Println(nums, slices.Max(nums), slices.Min(nums))
	pos, found := slices.BinarySearch(nums, 5)
	fmt.Println(pos, found)
}
