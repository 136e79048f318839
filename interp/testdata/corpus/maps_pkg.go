package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	stock := map[string]int{"apples": 5, "pears": 0, "plums": 12}
	backup := maps.Clone(stock)
	backup["kiwis"] = 7
	fmt.Println(len(stock), len(backup))
	fmt.Println(slices.Sorted(maps.Keys(backup)))
	fmt.Println(slices.Sorted(maps.Values(stock)), len(slices.Collect(maps.Values(stock))))
	maps.DeleteFunc(backup, func(k string, v int) bool { return v == 0 })
	fmt.Println(backup)
	fmt.Println(maps.Equal(stock, backup))
	extra := map[string]int{"figs": 3}
	maps.Copy(extra, stock)
	fmt.Println(extra)
}
