package main

import (
	"fmt"
	"slices"
)

func double(a [3]int) [3]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func main() {
	a := [3]int{1, 2, 3}
	b := double(a)
	fmt.Println(a, b, a == b, a != [3]int{})
	p := &a
	p[0] = 10
	for i, v := range p {
		fmt.Print(i, "=", v, " ")
	}
	fmt.Println(len(p), cap(p[:2]))
	grid := [2][3]string{}
	grid[1][2] = "x"
	g2 := grid
	g2[0][0] = "y"
	fmt.Printf("%q %q\n", grid, g2)
	keys := map[[2]int]string{{0, 1}: "a", {1, 0}: "b"}
	fmt.Println(keys[[2]int{1, 0}], len(keys))
	s := []int{0, 1, 2, 3, 4, 5}
	t := s[1:3:4]
	fmt.Println(t, len(t), cap(t))
	t = append(t, 99)
	fmt.Println(s)
	t = append(t, 100)
	t[0] = -1
	fmt.Println(s, t)
	n := copy(s[1:], s)
	fmt.Println(n, s)
	u := slices.Clone(s)
	slices.Sort(u)
	fmt.Println(u, slices.Index(u, 3), slices.Contains(u, 42), slices.Max(u))
	u = slices.Insert(u, 1, 7, 8)
	u = slices.Delete(u, 0, 1)
	fmt.Println(u, len(u))
	var m [][]int
	for i := 0; i < 3; i++ {
		row := make([]int, i+1)
		for j := range row {
			row[j] = i * j
		}
		m = append(m, row)
	}
	fmt.Println(m, len(m[2]))
	empty := []string{}
	fmt.Println(empty == nil, len(empty), fmt.Sprint(empty))
}
