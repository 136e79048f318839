package main

import (
	"fmt"
	"strings"
)

type Point struct{ X, Y int }

func main() {
	grid := make([][]rune, 3)
	for i := range grid {
		grid[i] = []rune(strings.Repeat(".", 5))
	}
	grid[1][2] = '#'
	for _, row := range grid {
		fmt.Println(string(row))
	}
	visits := map[Point]int{}
	path := []Point{{0, 0}, {1, 0}, {0, 0}, {1, 1}, {0, 0}}
	for _, p := range path {
		visits[p]++
	}
	fmt.Println(visits[Point{0, 0}], visits[Point{1, 1}], len(visits))
	fmt.Println(visits)
	nested := map[string][]int{}
	nested["a"] = append(nested["a"], 1, 2)
	nested["b"] = append(nested["b"], 3)
	nested["a"] = append(nested["a"], 4)
	fmt.Println(nested)
	matrix := [3][3]int{}
	for i := 0; i < 3; i++ {
		matrix[i][i] = 1
	}
	fmt.Println(matrix)
	copyM := matrix
	copyM[0][1] = 9
	fmt.Println(matrix[0], copyM[0])
}
