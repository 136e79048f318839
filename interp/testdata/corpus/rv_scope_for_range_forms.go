package main

import "fmt"

var key = "K"
var val = -1

type Inventory map[string]int

func (inv Inventory) Total() int {
	t := 0
	for _, n := range inv {
		t += n
	}
	return t
}

func main() {
	inv := Inventory{"apple": 3, "pear": 5}
	i := "notebook i"
	for i := 0; i < 2; i++ {
		fmt.Println("loop i", i)
	}
	fmt.Println("i:", i)
	for key, val := range map[string]int{"only": 1} {
		fmt.Println(key, val)
	}
	fmt.Println(key, val)
	for key = range map[string]bool{"assigned": true} {
	}
	fmt.Println("key after assign-range:", key)
	idx := 100
	for idx = range []int{7, 8, 9} {
	}
	fmt.Println("idx:", idx)
	word := "héllo"
	for i, r := range word {
		if r > 127 {
			fmt.Printf("%d:%c ", i, r)
		}
	}
	fmt.Println()
	fmt.Println("total:", inv.Total())
	n := 3
	for n := n * 2; n > 0; n -= 4 {
		fmt.Println("n inner", n)
	}
	fmt.Println("n outer", n)
	count := 0
	for range 3 {
		count := count + 1
		_ = count
	}
	fmt.Println("count:", count)
}
