package main

import "fmt"

type point struct{ X, Y int }

func main() {
	pts := []point{{1, 2}, {3, 4}, {5, 6}}
	var ptrs []*point
	for _, p := range pts {
		ptrs = append(ptrs, &p)
	}
	for _, p := range ptrs {
		fmt.Println(*p)
	}

	var idx []*int
	for i := 0; i < 3; i++ {
		idx = append(idx, &i)
	}
	for _, p := range idx {
		fmt.Print(*p, " ")
	}
	fmt.Println()
}
