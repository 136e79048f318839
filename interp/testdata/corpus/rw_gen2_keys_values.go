package main

import (
	"fmt"
	"sort"
)

func Keys[K comparable, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func Values[K comparable, V any](m map[K]V) []V {
	vals := make([]V, 0, len(m))
	for _, v := range m {
		vals = append(vals, v)
	}
	return vals
}

func SortedKeys[K interface{ ~string | ~int }, V any](m map[K]V) []K {
	keys := Keys(m)
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

type Country string

func main() {
	ages := map[string]int{"bob": 30, "ann": 25, "cid": 41}
	ks := Keys(ages)
	sort.Strings(ks)
	fmt.Println(ks)
	vs := Values(ages)
	sort.Ints(vs)
	fmt.Println(vs)
	capitals := map[Country]string{"fr": "Paris", "de": "Berlin", "it": "Rome"}
	for _, c := range SortedKeys(capitals) {
		fmt.Println(c, capitals[c])
	}
	fmt.Println(SortedKeys(map[int]bool{3: true, 1: false, 2: true}))
}
