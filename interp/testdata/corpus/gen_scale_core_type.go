package main

import (
	"fmt"
	"strconv"
	"strings"
)

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

// Scale returns a copy of s with each element multiplied by c.
func Scale[S ~[]E, E Integer](s S, c E) S {
	r := make(S, len(s))
	for i, v := range s {
		r[i] = v * c
	}
	return r
}

type Point []int32

func (p Point) String() string {
	var parts []string
	for _, v := range p {
		parts = append(parts, strconv.Itoa(int(v)))
	}
	return "(" + strings.Join(parts, ",") + ")"
}

func ScaleAndPrint(p Point) {
	r := Scale(p, 2)
	fmt.Println(r.String())
}

func main() {
	ScaleAndPrint(Point{1, 2, 3})
	q := Scale(Point{4}, 3)
	fmt.Println(q.String(), len(q))
	fmt.Printf("%v %T\n", Scale([]int{1, 2}, 10), Scale([]int{1, 2}, 10))
}
