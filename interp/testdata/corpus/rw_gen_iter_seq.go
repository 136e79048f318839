package main

import (
	"fmt"
	"iter"
	"slices"
)

func FilterSeq[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func MapSeq[T, U any](seq iter.Seq[T], f func(T) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		for v := range seq {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

type Item struct {
	Name  string
	Price float64
}

func main() {
	odd := FilterSeq(Naturals(), func(n int) bool { return n%2 == 1 })
	fmt.Println(slices.Collect(Take(odd, 5)))
	items := []Item{{"pen", 1.5}, {"book", 12}, {"bag", 30}}
	cheap := FilterSeq(slices.Values(items), func(it Item) bool { return it.Price < 20 })
	names := slices.Collect(MapSeq(cheap, func(it Item) string { return it.Name }))
	fmt.Println(names)
	for sq := range MapSeq(Take(Naturals(), 3), func(n int) int { return n * n }) {
		fmt.Print(sq, ";")
	}
	fmt.Println()
}
