package main

import (
	"fmt"
	"slices"
)

func main() {
	xs := []int{5, 2, 8, 1, 9, 3}
	fmt.Println(slices.Contains(xs, 8), slices.Index(xs, 1), slices.Index(xs, 42))
	fmt.Println(slices.Max(xs), slices.Min(xs))
	ys := slices.Clone(xs)
	slices.Sort(ys)
	fmt.Println(xs, ys)
	slices.Reverse(ys)
	fmt.Println(ys)
	i, found := slices.BinarySearch([]int{1, 3, 5, 7}, 5)
	fmt.Println(i, found)
	fmt.Println(slices.Equal(xs, ys), slices.Equal([]int{1, 2}, []int{1, 2}))
	fmt.Println(slices.IndexFunc(xs, func(v int) bool { return v > 6 }))
	fmt.Println(slices.ContainsFunc(xs, func(v int) bool { return v < 0 }))
}
