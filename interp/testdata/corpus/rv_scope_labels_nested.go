package main

import "fmt"

var grid = [][]int{
	{1, 2, 3},
	{4, -5, 6},
	{7, 8, 9},
}

func findNegative() (int, int) {
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				return i, j
			}
		}
	}
	return -1, -1
}

func main() {
	i, j := 99, 99
	found := false
search:
	for i := range grid {
		for j := range grid[i] {
			if grid[i][j] < 0 {
				fmt.Println("inner found at", i, j)
				found = true
				break search
			}
		}
	}
	fmt.Println("outer i j:", i, j, found)
	fmt.Println(findNegative())
	sum := 0
rows:
	for _, row := range grid {
		for _, v := range row {
			if v < 0 {
				continue rows
			}
			if v > 7 {
				break rows
			}
			sum += v
		}
	}
	fmt.Println("sum:", sum)
	k := 0
loop:
	if k < 3 {
		k := k * 10
		fmt.Println("goto body", k)
	}
	k++
	if k < 3 {
		goto loop
	}
	fmt.Println("k:", k)
}
