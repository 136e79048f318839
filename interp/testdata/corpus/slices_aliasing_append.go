package main

import "fmt"

func addItem(xs []int, v int) []int {
	return append(xs, v)
}

func zeroFirst(xs []int) { xs[0] = 0 }

func main() {
	base := make([]int, 3, 5)
	a := append(base, 1)
	b := append(base, 2) // shares the array with a
	fmt.Println(a, b, len(a), cap(a))
	c := base[:2:2]
	c = append(c, 9) // full slice expression forces a copy
	fmt.Println(base, c, cap(c) >= 3)
	nums := []int{1, 2, 3, 4, 5}
	mid := nums[1:3]
	mid[0] = 20
	fmt.Println(nums, mid, len(mid), cap(mid))
	mid = append(mid, 30)
	fmt.Println(nums)
	zeroFirst(nums)
	fmt.Println(nums)
	cp := make([]int, 2)
	n := copy(cp, nums)
	cp[1] = -1
	fmt.Println(n, cp, nums)
	var empty []int
	fmt.Println(empty == nil, len(empty), addItem(empty, 7))
	s := []string{"a", "b", "c", "d"}
	s = append(s[:1], s[2:]...)
	fmt.Println(s, len(s))
	grow := []int{}
	for i := range 4 {
		grow = append(grow, i)
	}
	fmt.Println(grow, len(grow))
	fmt.Printf("%v %d %T\n", nums[:0], len(nums[:0]), nums[:0])
}
