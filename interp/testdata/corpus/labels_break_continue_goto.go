package main

import "fmt"

func findPair(grid [][]int, target int) (int, int, bool) {
search:
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				continue search
			}
			if v == target {
				return i, j, true
			}
			if v > 100 {
				break search
			}
		}
	}
	return -1, -1, false
}

func retry() int {
	attempts := 0
again:
	attempts++
	if attempts < 3 {
		goto again
	}
	return attempts
}

func main() {
	grid := [][]int{{1, -1, 9}, {4, 5, 6}, {7, 200, 9}}
	fmt.Println(findPair(grid, 9))
	fmt.Println(findPair(grid, 6))
	fmt.Println(findPair(grid, 99))
	fmt.Println(retry())
outer:
	for i := range 3 {
		for j := range 3 {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	n := 0
loop:
	for {
		switch {
		case n >= 3:
			break loop
		default:
			n++
		}
	}
	fmt.Println("n =", n)
}
