package main

import "fmt"

func find(grid [][]int, target int) (int, int) {
	for i, row := range grid {
		for j, v := range row {
			if v == target {
				return i, j
			}
		}
	}
	return -1, -1
}

func main() {
	grid := [][]int{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	fmt.Println(find(grid, 5))
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	i := 0
loop:
	if i < 4 {
		fmt.Print(i, " ")
		i++
		goto loop
	}
	fmt.Println()
	count := 0
sw:
	for {
		switch {
		case count > 3:
			break sw
		default:
			count++
		}
	}
	fmt.Println("count", count)
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
sel:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break sel
			}
			fmt.Println("recv", v)
		}
	}
	n := 0
	for k := range 10 {
		if k%2 == 0 {
			continue
		}
		n += k
	}
	fmt.Println(n)
	goto end
end:
	fmt.Println("end")
}
