package main

import (
	"fmt"
	"sort"
)

type Labeler interface {
	~int | ~string
	Label() string
}

type Priority int

func (p Priority) Label() string {
	switch p {
	case 1:
		return "low"
	case 2:
		return "medium"
	}
	return "high"
}

type Color string

func (c Color) Label() string { return "color:" + string(c) }

func Labels[T Labeler](xs []T) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x.Label())
	}
	return out
}

func SortedCopy[T Labeler](xs []T) []T {
	c := append([]T(nil), xs...)
	sort.Slice(c, func(i, j int) bool { return c[i] < c[j] })
	return c
}

func main() {
	ps := []Priority{3, 1, 2}
	fmt.Println(Labels(ps))
	fmt.Println(SortedCopy(ps))
	cs := []Color{"red", "blue"}
	fmt.Println(Labels(cs))
	fmt.Println(SortedCopy(cs))
	fmt.Printf("%v %d\n", SortedCopy(ps)[0], SortedCopy(ps)[2])
}
