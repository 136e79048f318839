package main

import "fmt"

func main() {
	var a [5]int
	for i := range a {
		a[i] = i * i
	}
	b := a
	b[0] = 100
	fmt.Println(a, b, len(a))
	s := a[1:4]
	s[0] = -1
	fmt.Println(a, s, len(s), cap(s))
	s = append(s, 42)
	fmt.Println(a, s)
	grow := make([]int, 0, 2)
	for i := 0; i < 5; i++ {
		grow = append(grow, i)
	}
	fmt.Println(grow, len(grow))
	matrix := [][]int{{1, 2, 3}, {4, 5, 6}}
	t := make([][]int, 3)
	for i := range t {
		t[i] = make([]int, 2)
		for j := range t[i] {
			t[i][j] = matrix[j][i]
		}
	}
	fmt.Println(t)
	c := make([]int, 3)
	n := copy(c, []int{9, 8, 7, 6})
	fmt.Println(c, n)
	fmt.Println(a == [5]int{0, -1, 4, 9, 16})
}
