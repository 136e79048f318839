package main

import (
	"fmt"
	"sort"
)

type Stock struct {
	Qty   int
	Price float64
}

type Key struct {
	City, Item string
}

func main() {
	inv := map[string]Stock{"apple": {10, 0.5}, "pear": {4, 0.75}}
	s := inv["apple"]
	s.Qty -= 3
	inv["apple"] = s // map values are not addressable: write back
	fmt.Println(inv["apple"], inv["kiwi"])
	fmt.Printf("%+v\n", inv["pear"])
	ptrs := map[string]*Stock{"fig": {1, 2}}
	ptrs["fig"].Qty += 10
	fmt.Println(*ptrs["fig"])
	names := make([]string, 0, len(inv))
	for k := range inv {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Printf("%-6s %3d %.2f\n", n, inv[n].Qty, inv[n].Price)
	}
	sales := map[Key]int{}
	sales[Key{"oslo", "apple"}] += 3
	sales[Key{"oslo", "apple"}] += 2
	sales[Key{"rome", "pear"}]++
	fmt.Println(sales[Key{"oslo", "apple"}], len(sales))
	nested := map[string]map[string]int{}
	if nested["a"] == nil {
		nested["a"] = map[string]int{}
	}
	nested["a"]["x"]++
	fmt.Println(nested)
	delete(inv, "pear")
	_, ok := inv["pear"]
	fmt.Println(ok, len(inv))
	fmt.Println(map[string][]int{"b": {2}, "a": {1, 1}})
}
