package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Number interface {
	~int | ~int32 | ~int64 | ~float32 | ~float64
}

type Matrix[T Number] [][]T

func (m Matrix[T]) Sum() T {
	var s T
	for _, row := range m {
		for _, v := range row {
			s += v
		}
	}
	return s
}

type Result[T any] struct {
	Val T
	Err error
}

func Try[T any](f func() (T, error)) Result[T] {
	v, err := f()
	return Result[T]{Val: v, Err: err}
}

func (r Result[T]) String() string {
	if r.Err != nil {
		return "error: " + r.Err.Error()
	}
	return fmt.Sprintf("ok: %v", r.Val)
}

type Pair[A, B any] struct {
	First  A
	Second B
}

func Zip[A, B any](as []A, bs []B) []Pair[A, B] {
	n := min(len(as), len(bs))
	out := make([]Pair[A, B], n)
	for i := 0; i < n; i++ {
		out[i] = Pair[A, B]{as[i], bs[i]}
	}
	return out
}

func SortBy[T any, K Number | ~string](xs []T, key func(T) K) {
	sort.Slice(xs, func(i, j int) bool { return key(xs[i]) < key(xs[j]) })
}

type Employee struct {
	Name   string
	Salary float64
}

func main() {
	m := Matrix[int]{{1, 2}, {3, 4}}
	fmt.Println(m.Sum(), Matrix[float64]{{0.5}, {0.25}}.Sum())
	r1 := Try(func() (int, error) { return 42, nil })
	r2 := Try(func() (string, error) { return "", errors.New("boom") })
	fmt.Println(r1, r2)
	fmt.Printf("%v|%s\n", r1, r2)
	z := Zip([]string{"a", "b", "c"}, []int{1, 2})
	fmt.Println(z, len(z))
	fmt.Printf("%+v\n", z[0])
	emps := []Employee{{"Zed", 50}, {"Amy", 70}, {"Bob", 60}}
	SortBy(emps, func(e Employee) float64 { return e.Salary })
	fmt.Println(emps)
	SortBy(emps, func(e Employee) string { return strings.ToLower(e.Name) })
	fmt.Println(emps[0].Name, emps[2].Name)
}
