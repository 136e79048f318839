package main

import (
	"fmt"
	"strings"
)

func Join[T fmt.Stringer](xs []T, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, sep)
}

type Labeled interface {
	~int
	String() string
}

func Describe[T Labeled](xs []T) []string {
	var out []string
	for _, x := range xs {
		out = append(out, fmt.Sprintf("%d=%s", int(x), x.String()))
	}
	return out
}

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string { return [...]string{"red", "green", "blue"}[c] }

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

func main() {
	fmt.Println(Join([]Point{{1, 2}, {3, 4}}, " -> "))
	fmt.Println(Join([]Color{Blue, Red}, ", "))
	fmt.Println(Describe([]Color{Red, Green, Blue}))
	fmt.Println(strings.ToUpper(Join([]Color{Green}, "")))
}
