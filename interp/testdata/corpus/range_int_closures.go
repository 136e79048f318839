package main

import "fmt"

func main() {
	var fs []func() int
	for i := range 4 {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

outer:
	for i := range 5 {
		for j := range 5 {
			if j > i {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()

	const size = 3
	var grid [size][size]int
	for r := range size {
		for c := range size {
			grid[r][c] = r * c
		}
	}
	fmt.Println(grid)
}
