package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	ages := map[string]int{"tom": 31, "ann": 27, "bob": 45}
	total := 0
	for name := range maps.Keys(ages) {
		total += len(name)
	}
	fmt.Println("letters:", total)
	for i, v := range slices.All([]string{"x", "y", "z"}) {
		fmt.Println(i, v)
	}
	for i, v := range slices.Backward([]int{1, 2, 3}) {
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println()
	for _, k := range slices.Sorted(maps.Keys(ages)) {
		fmt.Println(k, ages[k])
	}
}
