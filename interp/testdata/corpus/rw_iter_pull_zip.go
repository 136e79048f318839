package main

import (
	"fmt"
	"iter"
	"slices"
)

type Point struct{ X, Y int }

func Zip[A, B any](a iter.Seq[A], b iter.Seq[B]) iter.Seq2[A, B] {
	return func(yield func(A, B) bool) {
		nextB, stop := iter.Pull(b)
		defer stop()
		for va := range a {
			vb, ok := nextB()
			if !ok || !yield(va, vb) {
				return
			}
		}
	}
}

func Fib() iter.Seq[int] {
	return func(yield func(int) bool) {
		a, b := 0, 1
		for {
			if !yield(a) {
				return
			}
			a, b = b, a+b
		}
	}
}

func main() {
	xs := []int{1, 2, 3}
	ys := []string{"one", "two", "three", "four"}
	for x, y := range Zip(slices.Values(xs), slices.Values(ys)) {
		fmt.Println(x, y)
	}
	var pts []Point
	for f, i := range Zip(Fib(), slices.Values([]int{10, 20, 30, 40, 50})) {
		pts = append(pts, Point{f, i})
	}
	fmt.Println(pts)
	next, stop := iter.Pull(Fib())
	for range 6 {
		v, _ := next()
		fmt.Print(v, " ")
	}
	stop()
	_, ok := next()
	fmt.Println(ok)
}
