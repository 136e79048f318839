package main

import (
	"fmt"
	"slices"
)

func main() {
	s := []string{"a", "b", "c", "d"}
	s = slices.Insert(s, 1, "x", "y")
	fmt.Println(s)
	s = slices.Delete(s, 2, 4)
	fmt.Println(s)
	nums := []int{1, 1, 2, 3, 3, 3, 4}
	fmt.Println(slices.Compact(nums))
	evens := slices.DeleteFunc([]int{1, 2, 3, 4, 5, 6}, func(n int) bool { return n%2 == 1 })
	fmt.Println(evens)
	fmt.Println(slices.Concat([]int{1}, []int{2, 3}, []int{4}))
	fmt.Println(slices.Repeat([]string{"ab"}, 3))
	fmt.Println(slices.Replace([]int{0, 1, 2, 3}, 1, 3, 9))
}
