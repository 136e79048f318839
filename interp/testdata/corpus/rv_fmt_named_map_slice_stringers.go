package main

import (
	"fmt"
	"sort"
	"strings"
)

type Set map[string]bool

func (s Set) String() string {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return "{" + strings.Join(keys, " ") + "}"
}

type Matrix [][]int

func (m Matrix) String() string {
	var b strings.Builder
	for _, row := range m {
		fmt.Fprintln(&b, row)
	}
	return strings.TrimSpace(b.String())
}

type Item struct {
	Tags Set
	Grid Matrix
	Ptr  *Item
}

func main() {
	s := Set{"b": true, "a": true}
	fmt.Println(s, len(s))
	m := Matrix{{1, 2}, {3, 4}}
	fmt.Println(m)
	fmt.Printf("%v|%s\n", s, s)
	it := Item{Tags: s, Grid: Matrix{{9}}}
	fmt.Println(it)
	fmt.Printf("%+v\n", it)
	child := &Item{Tags: Set{"c": true}}
	it.Ptr = child
	fmt.Println(it.Ptr.Tags, it.Ptr.Ptr == nil)
	sets := []Set{{"x": true}, {}}
	fmt.Println(sets)
	fmt.Println(map[string]Set{"k": {"z": true}})
}
