package main

import "fmt"

type Weekday int

const days = 7

var grid [3][4]int

func main() {
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for range 2 {
		fmt.Println("hello")
	}
	for d := range Weekday(3) {
		fmt.Printf("%T %d\n", d, d)
	}
	total := 0
	for i := range days {
		total += i
	}
	fmt.Println("total", total)
	n := 4
	for i := range n {
		for j := range i {
			grid[j%3][i] = i * j
		}
	}
	fmt.Println(grid)
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	for i := range int8(2) {
		fmt.Printf("%T %v\n", i, i)
	}
	for i := range 0 {
		fmt.Println("never", i)
	}
}
