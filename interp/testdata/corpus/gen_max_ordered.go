package main

import (
	"cmp"
	"fmt"
)

type Celsius float64

func Max[T cmp.Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func MaxOf[T cmp.Ordered](first T, rest ...T) T {
	m := first
	for _, v := range rest {
		m = Max(m, v)
	}
	return m
}

func MinSlice[T cmp.Ordered](xs []T) (T, bool) {
	var zero T
	if len(xs) == 0 {
		return zero, false
	}
	m := xs[0]
	for _, x := range xs[1:] {
		if x < m {
			m = x
		}
	}
	return m, true
}

func main() {
	fmt.Println(Max(3, 8), Max("apple", "pear"), Max(2.5, 1.0))
	fmt.Println(MaxOf(4, 9, 2), MaxOf("b"), MaxOf(1.5, -3, 7.25))
	warm := MaxOf(Celsius(18.5), Celsius(22), Celsius(21))
	fmt.Printf("%v %T\n", warm, warm)
	low, ok := MinSlice([]int{5, 3, 9})
	fmt.Println(low, ok)
	_, ok = MinSlice([]string{})
	fmt.Println(ok)
	fmt.Println(Max[float64](3, 2.5), cmp.Compare(Max(1, 2), 2))
}
