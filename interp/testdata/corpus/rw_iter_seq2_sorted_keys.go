package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

type Inventory struct {
	items map[string]int
}

func (inv *Inventory) All() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		for _, k := range slices.Sorted(maps.Keys(inv.items)) {
			if !yield(k, inv.items[k]) {
				return
			}
		}
	}
}

var stock = map[string]int{"pear": 4, "apple": 10, "fig": 0, "kiwi": 7}

var inv = &Inventory{items: stock}

var names = slices.Sorted(maps.Keys(stock))

func main() {
	fmt.Println(names)
	for name, n := range inv.All() {
		fmt.Printf("%-5s %2d\n", name, n)
	}
	for name := range inv.All() {
		if strings.HasPrefix(name, "k") {
			fmt.Println("first k:", name)
			break
		}
	}
	keys := slices.Sorted(maps.Keys(stock))
	vals := slices.Sorted(maps.Values(stock))
	fmt.Println(keys, vals)
	copyOf := maps.Collect(inv.All())
	fmt.Println(len(copyOf), copyOf["kiwi"], maps.Equal(copyOf, stock))
	for i, v := range slices.Backward(keys) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
}
