package main

import "fmt"

type Numeric interface {
	~int | ~float64
}

type Vec[T Numeric] []T

func (v Vec[T]) Dot(w Vec[T]) T {
	var s T
	for i := range v {
		s += v[i] * w[i]
	}
	return s
}

func (v Vec[T]) Scale(k T) Vec[T] {
	out := make(Vec[T], len(v))
	for i, x := range v {
		out[i] = x * k
	}
	return out
}

func MaxOf[T Numeric](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m
}

type Meters float64

func main() {
	a := Vec[int]{1, 2, 3}
	b := Vec[int]{4, 5, 6}
	fmt.Println(a.Dot(b), a.Scale(2))
	d := Vec[Meters]{1.5, 2}
	fmt.Println(d.Scale(2), d.Dot(d))
	fmt.Println(MaxOf(3, 9, 2), MaxOf(1.5, -2.0))
	fmt.Println(MaxOf[Meters](1, 7.5, 3))
	fmt.Printf("%T\n", MaxOf[Meters](1))
}
