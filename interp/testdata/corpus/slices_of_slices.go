package main

import (
	"fmt"
	"strings"
)

type Grid [][]rune

func NewGrid(rows, cols int) Grid {
	g := make(Grid, rows)
	for i := range g {
		g[i] = []rune(strings.Repeat(".", cols))
	}
	return g
}

func (g Grid) String() string {
	lines := make([]string, len(g))
	for i, row := range g {
		lines[i] = string(row)
	}
	return strings.Join(lines, "\n")
}

func main() {
	g := NewGrid(3, 4)
	g[1][2] = '#'
	g[0][0] = '@'
	fmt.Println(g)
	row := g[2]
	row[3] = '*'
	fmt.Println(string(g[2]))
	tri := [][]int{}
	for i := range 4 {
		r := make([]int, i+1)
		r[0], r[i] = 1, 1
		for j := 1; j < i; j++ {
			r[j] = tri[i-1][j-1] + tri[i-1][j]
		}
		tri = append(tri, r)
	}
	fmt.Println(tri)
	fmt.Printf("%v %d\n", tri[3], len(tri))
	matrix := [][]float64{{1, 2}, {3, 4}}
	t := make([][]float64, 2)
	for i := range t {
		t[i] = make([]float64, 2)
		for j := range t[i] {
			t[i][j] = matrix[j][i]
		}
	}
	fmt.Println(t)
	shared := make([][]int, 2)
	inner := []int{0, 0}
	shared[0], shared[1] = inner, inner
	shared[0][0] = 5
	fmt.Println(shared)
}
