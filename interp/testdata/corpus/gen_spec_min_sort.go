package main

import "fmt"

type Number interface {
	~int | ~float64
}

func min[T Number](x, y T) T {
	if x < y {
		return x
	}
	return y
}

type Celsius float64

type Ordered interface {
	~int | ~string | ~float64
}

func Sort[T Ordered](xs []T) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func Reverse[T any](xs []T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[len(xs)-1-i] = x
	}
	return out
}

func Count[T comparable](xs []T, x T) (n int) {
	for _, v := range xs {
		if v == x {
			n++
		}
	}
	return
}

func main() {
	fmt.Println(min(1, 2.5), min(3, 2), min(Celsius(4), 1))
	temps := []Celsius{30, 10, 20}
	Sort(temps)
	fmt.Println(temps, Reverse(temps))
	words := []string{"pear", "apple", "fig"}
	Sort(words)
	fmt.Println(words, Count(words, "fig"), Count([]Celsius{1, 1, 2}, 1))
	var r []Celsius = Reverse(temps)
	fmt.Printf("%v %T %T\n", r, r, r[0])
}
