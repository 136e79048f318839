package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i, r := range s {
		if r > 127 {
			fmt.Printf("%d:%c(%U) ", i, r, r)
		}
	}
	fmt.Println()
	b := []byte(s)
	r := []rune(s)
	fmt.Println(len(b), len(r), string(r[7:]), string(b[:2]))
	fmt.Printf("%x % x %q %+q\n", s[:3], s[:3], r[1], s)
	grid := [3][3]int{}
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			grid[i][j] = i * j
		}
	}
	fmt.Println(grid, grid == [3][3]int{{0, 0, 0}, {0, 1, 2}, {0, 2, 4}})
	type pair struct {
		a string
		b int
	}
	seen := map[pair]bool{{"x", 1}: true}
	fmt.Println(seen[pair{"x", 1}], seen[pair{"y", 1}])
	groups := map[string][]string{}
	for _, w := range []string{"apple", "avocado", "banana", "blueberry", "cherry"} {
		k := string(w[0])
		groups[k] = append(groups[k], w)
	}
	fmt.Println(groups, len(groups["b"]))
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()
	sum := func(xs ...int) (t int) {
		for _, x := range xs {
			t += x
		}
		return
	}
	nums := []int{4, 5}
	fmt.Println(sum(), sum(1, 2), sum(nums...))
	dst := make([]int, 1)
	n := copy(dst, nums)
	fmt.Println(n, dst, nums[len(nums)-1])
}
