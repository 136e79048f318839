package main

import "fmt"

var data = []int{4, 9, 2, 7}

func largest(xs []int) int {
	max := xs[0]
	for _, x := range xs {
		if x > max {
			max = x
		}
	}
	return max
}

func main() {
	max := 0
	min := 100
	for _, v := range data {
		if v > max {
			max = v
		}
		if v < min {
			min = v
		}
	}
	fmt.Println(min, max, largest(data))
	len := 3
	fmt.Println(len * 2)
	{
		cap := "capital"
		new := cap + "!"
		fmt.Println(new)
	}
	fmt.Println(cap(data[:2]))
	copy := append([]int(nil), data...)
	copy[0] = -1
	fmt.Println(copy, data)
	string := "not a type"
	fmt.Println(string)
	print := func(a ...any) { fmt.Println(append([]any{">>"}, a...)...) }
	print("custom", "print")
	total := 0
	for _, n := range data {
		total += n
	}
	fmt.Println(total, max-min)
	iota := 7
	fmt.Println(iota)
	nil := "nothing"
	fmt.Println(nil)
}
