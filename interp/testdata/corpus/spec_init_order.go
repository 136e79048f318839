package main

import "fmt"

var (
	a = c + b // == 9
	b = f()   // == 4
	c = f()   // == 5
	d = 3     // == 5 after initialization has finished
)

func f() int {
	d++
	return d
}

var total = sumAll(values)

var values = []int{1, 2, 3}

func sumAll(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

var trace []string

func init() {
	trace = append(trace, "init1")
}

func init() {
	trace = append(trace, fmt.Sprint("init2 a=", a))
}

var lookup = map[string]int{"one": 1, "two": 2}

func main() {
	fmt.Println(a, b, c, d)
	fmt.Println(total, values)
	fmt.Println(trace)
	fmt.Println(lookup["two"])
}
