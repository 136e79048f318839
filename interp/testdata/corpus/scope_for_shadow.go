package main

import "fmt"

func main() {
	i := "notebook i"
	total := 0
	for i := 0; i < 3; i++ {
		total += i
	}
	fmt.Println(i, total)
	name := "notebook name"
	for _, name := range []string{"x", "y"} {
		fmt.Print(name, " ")
	}
	fmt.Println()
	fmt.Println(name)
	k, val := "k0", -1
	for k, val := range map[string]int{"only": 7} {
		fmt.Println("in loop:", k, val)
	}
	fmt.Println("after loop:", k, val)
	sum := 0
	for n := 1; n <= 3; n++ {
		sum := sum + n*100 // shadows inside the body
		_ = sum
	}
	fmt.Println("sum:", sum)
	for idx := range 2 {
		i := idx * 10
		fmt.Print(i, " ")
	}
	fmt.Println()
	fmt.Println(i)
}
